from typing import List

from stateflow import entity


@entity
class Room:
    def __init__(self, name: str):
        self.name: str = name
        self.rooms: List["Room"] = []
        self.inbox: List[str] = []

    def __key__(self):
        return self.name

    def connect(self, room: "Room") -> int:
        self.rooms.append(room)
        return len(self.rooms)

    def receive(self, trail: List[str]) -> int:
        self.inbox.append(" > ".join(trail))
        trail.append(self.name)
        return len(trail)

    def broadcast(self, message: str) -> List[str]:
        # self.rooms contains this room too. That call is local: receive()
        # appends to this very list. Other rooms get a copy.
        trail = [message]
        for room in self.rooms:
            room.receive(trail)
        return trail


@entity
class Savings:
    def __init__(self, owner: str, balance: int, rate_percent: int):
        self.owner: str = owner
        self.balance: int = balance
        self.rate_percent: int = rate_percent
        self.history: List[int] = []

    def __key__(self):
        return self.owner

    def add_interest(self) -> int:
        interest = self.balance * self.rate_percent // 100
        self.record(interest)
        return interest

    def record(self, amount: int) -> None:
        self.balance += amount
        self.history.append(self.balance)

    def grow(self, years: int) -> int:
        if years == 0:
            return self.balance
        self.add_interest()
        return self.grow(years - 1)

    def charge_fees(self, fees: List[int]) -> List[int]:
        charged = []
        for fee in fees:
            self.apply_fee(fee, charged)
        return charged

    def apply_fee(self, fee: int, charged: List[int]) -> None:
        if fee <= self.balance:
            self.record(-fee)
            charged.append(fee)

    def snapshot(self) -> List[int]:
        return self.history

    def summary(self) -> str:
        return f"{self.owner}: {self.balance} after {len(self.snapshot())} changes"
