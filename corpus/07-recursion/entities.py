from typing import List, Optional

from stateflow import entity


@entity
class Node:
    def __init__(self, node_id: int, value: int):
        self.node_id: int = node_id
        self.value: int = value
        self.next: Optional["Node"] = None

    def __key__(self):
        return self.node_id

    def append(self, node: "Node") -> int:
        # Walks to the tail through remote calls and returns the new length.
        if self.next is None:
            self.next = node
            return 2
        return self.next.append(node) + 1

    def total(self) -> int:
        if self.next is None:
            return self.value
        return self.value + self.next.total()

    def values(self) -> List[int]:
        rest = [] if self.next is None else self.next.values()
        return [self.value] + rest

    def nth(self, index: int) -> int:
        if index == 0:
            return self.value
        if self.next is None:
            raise IndexError(f"list ends at node {self.node_id}")
        return self.next.nth(index - 1)

    def scale(self, factor: int) -> int:
        self.value *= factor
        changed = 1
        if self.next is not None:
            changed += self.next.scale(factor)
        return changed


@entity
class Folder:
    def __init__(self, path: str, size: int):
        self.path: str = path
        self.size: int = size
        self.children: List["Folder"] = []

    def __key__(self):
        return self.path

    def add(self, child: "Folder") -> int:
        self.children.append(child)
        return len(self.children)

    def depth(self) -> int:
        return 1 + max([child.depth() for child in self.children], default=0)

    def total_size(self) -> int:
        return self.size + sum(child.total_size() for child in self.children)

    def listing(self, indent: int) -> List[str]:
        lines = [" " * indent + f"{self.path} {self.size}"]
        for child in self.children:
            lines.extend(child.listing(indent + 2))
        return lines

    def find(self, path: str) -> Optional[str]:
        if self.path == path:
            return f"found {path} of size {self.size}"
        for child in self.children:
            found = child.find(path)
            if found is not None:
                return found
        return None


@entity
class Player:
    def __init__(self, name: str):
        self.name: str = name
        self.hits: int = 0

    def __key__(self):
        return self.name

    def rally(self, other: "Player", remaining: int) -> str:
        # Each call waits on the other player, who calls back into this one.
        self.hits += 1
        if remaining == 0:
            return f"{self.name} ends the rally"
        return other.rally(self, remaining - 1)

    def factorial(self, n: int) -> int:
        return 1 if n <= 1 else n * self.factorial(n - 1)
