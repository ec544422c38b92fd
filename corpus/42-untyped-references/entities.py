from typing import Any, List

from stateflow import entity


@entity
class Node:
    def __init__(self, name: str, value: int):
        self.name: str = name
        self.value: int = value

    def __key__(self):
        return self.name

    def val(self) -> int:
        return self.value


@entity
class Group:
    def __init__(self, name: str, nodes: List[Node]):
        self.name: str = name
        self.nodes: List[Node] = nodes

    def __key__(self):
        return self.name

    def first_untyped(self):
        return self.nodes[0]

    def via_untyped_return(self) -> int:
        return self.first_untyped().val()

    def call_any(self, other: Any) -> int:
        return other.val()

    def read_any(self, other: Any) -> int:
        return other.value
