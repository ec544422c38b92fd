from typing import List

from stateflow import entity


@entity
class Box:
    LIMIT = 10

    def __init__(self, name: str):
        self.name: str = name
        self.v: int = 5

    def __key__(self):
        return self.name

    def items(self) -> List[int]:
        return [1, 2]

    def limits(self) -> int:
        return self.LIMIT + Box.LIMIT
