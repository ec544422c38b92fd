from typing import List

from stateflow import entity


class StockError(Exception):
    def __init__(self, item: str, message: str):
        super().__init__(f"{item}: {message}")
        self.item = item


class OutOfStock(StockError):
    def __init__(self, item: str, missing: int):
        super().__init__(item, f"short by {missing}")
        self.missing = missing


@entity
class Shelf:
    def __init__(self, name: str, count: int):
        self.name: str = name
        self.count: int = count

    def __key__(self):
        return self.name

    def take(self, amount: int) -> int:
        if amount > self.count:
            raise OutOfStock(self.name, amount - self.count)
        self.count -= amount
        return self.count


@entity
class Picker:
    def __init__(self, name: str):
        self.name: str = name
        self.notes: List[str] = []

    def __key__(self):
        return self.name

    def pick(self, shelf: Shelf, amount: int) -> str:
        try:
            return f"left {shelf.take(amount)}"
        except StockError as error:
            self.notes.append(f"{type(error).__name__} {error.item} {error.args}")
            return f"failed: {error}"
