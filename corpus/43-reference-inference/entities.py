from typing import Dict, List

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

    def enumerate_refs(self) -> list:
        return [i * n.val() for i, n in enumerate(self.nodes)]

    def zip_refs(self) -> list:
        return [a.val() - b.val() for a, b in zip(self.nodes, self.nodes[1:])]

    def conditional_ref(self, flag: bool) -> int:
        n = self.nodes[0] if flag else self.nodes[1]
        return n.val()

    def next_iter_ref(self) -> int:
        n = next(iter(self.nodes))
        return n.val()

    def reversed_copy(self) -> int:
        return list(reversed(self.nodes))[0].val()

    def list_copy(self) -> int:
        return self.nodes.copy()[-1].val()

    def pick_unannotated(self):
        return self.nodes[0]

    def annotated_local(self) -> int:
        n: Node = self.pick_unannotated()
        return n.val()

    def dict_comprehension(self) -> int:
        by_name = {n.name: n for n in self.nodes}
        return by_name["b"].val()

    def tuple_list(self) -> int:
        pairs = [(n.name, n) for n in self.nodes]
        total = 0
        for _, n in pairs:
            total += n.val()
        return total

    def star_unpack(self) -> int:
        rest = self.nodes[1:]
        head, *tail = self.nodes
        return head.val() + tail[0].val() + rest[-1].val()

    def rebound_local(self) -> int:
        n = self.nodes[0]
        n = self.nodes[2]
        return n.val()
