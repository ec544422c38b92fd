from typing import List, Optional

from stateflow import entity


@entity
class Bidder:
    def __init__(self, name: str, budget: int):
        self.name: str = name
        self.budget: int = budget
        self.held: int = 0
        self.won: List[str] = []
        self.messages: List[str] = []

    def __key__(self):
        return self.name

    def hold(self, amount: int) -> None:
        if amount > self.budget - self.held:
            raise ValueError(f"{self.name} cannot hold {amount}, only {self.budget - self.held} free")
        self.held += amount

    def outbid(self, lot: str, amount: int, by: str) -> None:
        self.held -= amount
        self.messages.append(f"outbid on {lot} by {by}")

    def settle(self, lot: str, amount: int) -> None:
        self.held -= amount
        self.budget -= amount
        self.won.append(lot)

    def bid(self, auction: "Auction", amount: int) -> bool:
        return auction.place(self, amount)

    def auto_bid(self, auction: "Auction", step: int, ceiling: int) -> int:
        # Keep raising while someone else leads and the next price fits.
        bids = 0
        while auction.leader() != self.name and auction.next_price(step) <= ceiling:
            if not auction.place(self, auction.next_price(step)):
                break
            bids += 1
        return bids


@entity
class Auction:
    def __init__(self, lot: str, reserve: int):
        self.lot: str = lot
        self.reserve: int = reserve
        self.best: int = 0
        self.leader_ref: Optional[Bidder] = None
        self.is_open: bool = True
        self.history: List[str] = []

    def __key__(self):
        return self.lot

    def leader(self) -> str:
        return "" if self.leader_ref is None else self.leader_ref.name

    def next_price(self, step: int) -> int:
        return max(self.reserve, self.best + step)

    def place(self, bidder: Bidder, amount: int) -> bool:
        if not self.is_open or amount < self.next_price(1):
            return False
        try:
            bidder.hold(amount)
        except ValueError as error:
            self.history.append(f"refused: {error}")
            return False
        previous = self.leader_ref
        previous_amount = self.best
        self.leader_ref = bidder
        self.best = amount
        name = bidder.name
        self.history.append(f"{name} {amount}")
        if previous is not None:
            previous.outbid(self.lot, previous_amount, name)
        return True

    def close(self) -> str:
        self.is_open = False
        if self.leader_ref is None:
            return f"{self.lot}: no sale"
        self.leader_ref.settle(self.lot, self.best)
        return f"{self.lot}: sold to {self.leader_ref.name} for {self.best}"
