from typing import Dict, List, Optional, Tuple

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

    def over(self) -> bool:
        return self.value > 10

    def over2(self) -> bool:
        return self.value > 10

    def sum_of(self, *values: int) -> int:
        return self.value + sum(values)

    def opts(self, **options: int) -> List[str]:
        return [f"{k}={v}" for k, v in options.items()]


@entity
class Hub:
    def __init__(self, name: str, nodes: List[Node]):
        self.name: str = name
        self.nodes: List[Node] = nodes
        self.index: Dict[str, Node] = {}
        for n in nodes:
            self.index[n.name] = n

    def __key__(self):
        return self.name

    def pair(self) -> Tuple[Node, Node]:
        return self.nodes[0], self.nodes[-1]

    def use_pair(self) -> int:
        a, b = self.pair()
        return a.val() * 100 + b.val()

    def via_helper(self) -> int:
        return sum(n.val() for n in self.nodes)

    def first_big(self, limit: int) -> Optional[Node]:
        for n in self.nodes:
            if n.val() > limit:
                return n
        return None

    def via_helper2(self, limit: int) -> str:
        n = self.first_big(limit)
        if n is None:
            return "none"
        return n.name + ":" + str(n.val())

    def dict_values(self) -> int:
        total = 0
        for n in self.index.values():
            total += n.val()
        return total

    def dict_items(self) -> List[str]:
        return [f"{k}->{n.val()}" for k, n in self.index.items()]

    def dict_get(self, key: str) -> int:
        n = self.index.get(key)
        if n is None:
            return -1
        return n.val()

    def dict_sub(self, key: str) -> int:
        return self.index[key].val()

    def varargs(self) -> list:
        extra = [1, 2, 3]
        return [self.nodes[0].sum_of(), self.nodes[0].sum_of(5), self.nodes[0].sum_of(*extra), self.nodes[1].sum_of(10, *extra, 20)]

    def kwargs(self) -> list:
        options = {"b": 2, "a": 1}
        return self.nodes[0].opts(z=26, **options)



    def class_attr(self) -> list:
        return [n.over() for n in self.nodes] + [n.over2() for n in self.nodes] + [10]

    def ref_keys(self) -> list:
        counts: Dict[Node, int] = {}
        for n in self.nodes + self.nodes[:1]:
            counts[n] = counts.get(n, 0) + 1
        return [counts[self.nodes[0]], len(counts), self.nodes[0] in counts, len(set(self.nodes + self.nodes))]

    def isinst(self) -> list:
        return [isinstance(self.nodes[0], Node), isinstance(self, Hub), type(self.nodes[0]).__name__]

    def best(self) -> Node:
        return self.nodes[-1]

    def call_best(self) -> int:
        return self.best().val()
