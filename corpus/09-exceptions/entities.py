from typing import Dict, List

from stateflow import entity


class OutOfStock(Exception):
    pass


@entity
class Warehouse:
    def __init__(self, name: str):
        self.name: str = name
        self.stock: Dict[str, int] = {}
        self.picks: int = 0

    def __key__(self):
        return self.name

    def receive(self, sku: str, quantity: int) -> int:
        self.stock[sku] = self.stock.get(sku, 0) + quantity
        return self.stock[sku]

    def pick(self, sku: str, quantity: int) -> int:
        if quantity <= 0:
            raise ValueError(f"quantity must be positive, got {quantity}")
        available = self.stock[sku]
        if available < quantity:
            raise OutOfStock(f"{sku}: {available} left, {quantity} requested")
        self.stock[sku] = available - quantity
        self.picks += 1
        return self.stock[sku]

    def ratio(self, sku: str, other: str) -> float:
        return self.stock[sku] / self.stock[other]

    def audit(self) -> None:
        assert all(count >= 0 for count in self.stock.values()), "negative stock"
        assert len(self.stock) < 3, f"too many SKUs in {self.name}: {len(self.stock)}"


@entity
class Picker:
    def __init__(self, name: str, warehouse: Warehouse):
        self.name: str = name
        self.warehouse: Warehouse = warehouse
        self.attempts: int = 0
        self.failures: List[str] = []
        self.journal: List[str] = []

    def __key__(self):
        return self.name

    def try_pick(self, sku: str, quantity: int) -> str:
        try:
            self.attempts += 1
            left = self.warehouse.pick(sku, quantity)
        except OutOfStock as error:
            self.failures.append(str(error))
            outcome = "short"
        except KeyError as error:
            self.failures.append(f"unknown {error}")
            outcome = "unknown"
        else:
            outcome = f"ok, {left} left"
        finally:
            self.journal.append(f"{sku} x{quantity}")
        return outcome

    def pick_or_raise(self, sku: str, quantity: int) -> int:
        # No handler here: the warehouse's exception passes through to the caller.
        self.attempts += 1
        return self.warehouse.pick(sku, quantity)

    def pick_all(self, order: Dict[str, int]) -> int:
        picked = 0
        for sku, quantity in order.items():
            try:
                self.warehouse.pick(sku, quantity)
            except OutOfStock:
                self.failures.append(f"{sku} skipped")
                continue
            except ValueError:
                self.failures.append(f"{sku} rejected")
                raise
            finally:
                self.attempts += 1
            picked += quantity
        return picked

    def safe_ratio(self, sku: str, other: str) -> str:
        try:
            return f"{self.warehouse.ratio(sku, other):.3f}"
        except ZeroDivisionError as error:
            return f"ZeroDivisionError: {error}"
        finally:
            self.journal.append("ratio")
