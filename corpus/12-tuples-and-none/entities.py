from typing import Dict, List, Optional, Tuple

from stateflow import entity


@entity
class Shelf:
    def __init__(self, shelf_id: int, rows: int, columns: int):
        self.shelf_id: int = shelf_id
        self.rows: int = rows
        self.columns: int = columns
        self.slots: Dict[str, Tuple[int, int]] = {}
        self.last_moved: Optional[str] = None

    def __key__(self):
        return self.shelf_id

    def place(self, name: str, row: int, column: int) -> Tuple[int, int]:
        self.slots[name] = (row, column)
        return row, column

    def locate(self, name: str) -> Optional[Tuple[int, int]]:
        return self.slots.get(name)

    def extent(self) -> Tuple[Tuple[int, int], Tuple[int, int]]:
        rows = [row for row, _ in self.slots.values()]
        columns = [column for _, column in self.slots.values()]
        return (min(rows), min(columns)), (max(rows), max(columns))

    def move(self, name: str, row: int, column: int):
        old = self.slots[name]
        self.slots[name] = (row, column)
        self.last_moved = name
        if old == (row, column):
            return None
        return old

    def clear(self) -> None:
        self.slots = {}

    def names(self) -> List[str]:
        return sorted(self.slots)

    def swap(self, first: str, second: str) -> Tuple[str, str]:
        self.slots[first], self.slots[second] = self.slots[second], self.slots[first]
        return second, first


@entity
class Stocktake:
    def __init__(self, name: str, shelves: List[Shelf]):
        self.name: str = name
        self.shelves: List[Shelf] = shelves

    def __key__(self):
        return self.name

    def where(self, item: str) -> Optional[Tuple[int, int, int]]:
        for shelf in self.shelves:
            spot = shelf.locate(item)
            if spot is not None:
                row, column = spot
                return shelf.shelf_id, row, column
        return None

    def counts(self) -> Tuple[int, ...]:
        return tuple(len(shelf.names()) for shelf in self.shelves)
