from typing import Dict, List

from stateflow import entity


@entity
class Source:
    def __init__(self, name: str, values: List[int]):
        self.name: str = name
        self.values: List[int] = values

    def __key__(self):
        return self.name

    def items(self) -> List[int]:
        return self.values

    def mapping(self) -> Dict[str, int]:
        return {self.name: len(self.values)}


@entity
class Merger:
    def __init__(self, name: str, left: Source, right: Source):
        self.name: str = name
        self.left: Source = left
        self.right: Source = right

    def __key__(self):
        return self.name

    def both_lists(self) -> list:
        return [*self.left.items(), *self.right.items()]

    def list_then_read(self) -> list:
        return [*self.left.items(), self.right.name]

    def both_tuples(self) -> tuple:
        return (*self.left.items(), *self.right.mapping())

    def one_star(self) -> list:
        return [0, *self.left.items(), 9]
