from typing import Dict, List, Tuple

from stateflow import entity, transactional


@entity
class Bin:
    def __init__(self, sku: str, quantity: int):
        self.sku: str = sku
        self.quantity: int = quantity

    def __key__(self):
        return self.sku

    def take(self, amount: int) -> int:
        if amount > self.quantity:
            raise ValueError(f"bin {self.sku} has {self.quantity}, cannot take {amount}")
        self.quantity -= amount
        return self.quantity

    def put_back(self, amount: int) -> int:
        self.quantity += amount
        return self.quantity


@entity
class Fulfiller:
    def __init__(self, name: str):
        self.name: str = name
        self.bins: Dict[str, Bin] = {}
        self.completed: List[str] = []
        self.attempts: int = 0

    def __key__(self):
        return self.name

    def stock(self, bin_: Bin) -> None:
        self.bins[bin_.sku] = bin_

    def fulfil(self, order_id: str, lines: List[Tuple[str, int]]) -> str:
        # No rollback: lines taken before a failing one stay taken.
        self.attempts += 1
        for sku, amount in lines:
            target: Bin = self.bins[sku]
            target.take(amount)
        self.completed.append(order_id)
        return order_id

    def fulfil_compensating(self, order_id: str, lines: List[Tuple[str, int]]) -> str:
        # Undo by hand: put back what was taken, then raise again.
        self.attempts += 1
        taken: List[Tuple[str, int]] = []
        try:
            for sku, amount in lines:
                target: Bin = self.bins[sku]
                target.take(amount)
                taken.append((sku, amount))
        except ValueError:
            for sku, amount in reversed(taken):
                source: Bin = self.bins[sku]
                source.put_back(amount)
            raise
        self.completed.append(order_id)
        return order_id

    @transactional
    def fulfil_atomically(self, order_id: str, lines: List[Tuple[str, int]]) -> str:
        self.attempts += 1
        for sku, amount in lines:
            target: Bin = self.bins[sku]
            target.take(amount)
        self.completed.append(order_id)
        return order_id

    def levels(self) -> Dict[str, int]:
        return {sku: self.quantity_of(sku) for sku in sorted(self.bins)}

    def quantity_of(self, sku: str) -> int:
        target: Bin = self.bins[sku]
        return target.quantity
