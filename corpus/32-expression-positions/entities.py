from typing import Dict, List, Optional

from stateflow import entity


@entity
class Log:
    def __init__(self, name: str):
        self.name: str = name
        self.lines: List[str] = []

    def __key__(self):
        return self.name

    def add(self, line: str) -> int:
        self.lines.append(line)
        return len(self.lines)

    def flush(self) -> List[str]:
        lines = self.lines
        self.lines = []
        return lines


@entity
class Node:
    def __init__(self, name: str, value: int, log: Log):
        self.name: str = name
        self.value: int = value
        self.log: Log = log
        self.next: Optional[Node] = None

    def __key__(self):
        return self.name

    def link(self, other: "Node") -> None:
        self.next = other

    def get_next(self) -> "Node":
        self.log.add(f"next({self.name})")
        return self.next

    def val(self) -> int:
        self.log.add(f"val({self.name})")
        return self.value

    def ok(self, limit: int) -> bool:
        self.log.add(f"ok({self.name},{limit})")
        return self.value < limit

    def add(self, a: int, b: int = 1, *, scale: int = 1) -> int:
        self.log.add(f"add({self.name},{a},{b},{scale})")
        return (self.value + a + b) * scale

    def pair(self) -> tuple:
        self.log.add(f"pair({self.name})")
        return (self.name, self.value)

    def items(self) -> List[int]:
        self.log.add(f"items({self.name})")
        return [self.value, self.value * 2, self.value * 3]


@entity
class Driver:
    def __init__(self, name: str, nodes: List[Node], log: Log):
        self.name: str = name
        self.nodes: List[Node] = nodes
        self.log: Log = log
        self.counts: Dict[str, int] = {}

    def __key__(self):
        return self.name

    def binops(self) -> list:
        a = self.nodes[0].val() - self.nodes[1].val() * self.nodes[2].val()
        b = -self.nodes[0].val() ** 2 // self.nodes[1].val()
        c = self.nodes[0].val() % -7 + (self.nodes[2].val() << 2)
        return [a, b, c]

    def nested(self) -> int:
        return self.nodes[0].add(self.nodes[1].add(self.nodes[2].val()), b=self.nodes[1].val(), scale=self.nodes[2].add(0, 0))

    def chain(self) -> int:
        return self.nodes[0].get_next().get_next().val()

    def conditions(self, limit: int) -> str:
        if self.nodes[0].ok(limit):
            result = "first"
        elif self.nodes[1].ok(limit) and not self.nodes[2].ok(limit):
            result = "second"
        elif self.nodes[2].ok(limit) or self.nodes[0].ok(limit * 100):
            result = "third"
        else:
            result = "none"
        return result

    def short(self, limit: int) -> list:
        out = []
        out.append(self.nodes[0].ok(limit) and self.nodes[1].val())
        out.append(self.nodes[0].ok(limit) or self.nodes[1].val())
        out.append(self.nodes[2].val() if self.nodes[0].ok(limit) else self.nodes[1].val())
        out.append(self.nodes[0].val() and self.nodes[1].val() and 0 and self.nodes[2].val())
        out.append(None or self.nodes[2].val() or self.nodes[0].val())
        return out

    def comps(self, limit: int) -> list:
        evens = [n.val() * 2 for n in self.nodes if n.ok(limit)]
        sums = {n.name: n.add(1) for n in self.nodes if not n.ok(limit)}
        nested = [x + n.val() for n in self.nodes for x in n.items() if x % 2 == 0]
        flags = {n.ok(limit) for n in self.nodes}
        total = sum(n.val() for n in self.nodes)
        return [evens, sums, nested, sorted(flags), total]

    def subscripts(self) -> list:
        i = 1
        first = self.nodes[i].val()
        second = self.nodes[i - 1].items()[self.nodes[2].val() % 3]
        third = self.nodes[-1].items()[::-1]
        fourth = self.nodes[0].items()[self.nodes[0].val() % 2:]
        return [first, second, third, fourth]

    def fstrings(self) -> str:
        return f"{self.nodes[0].val():>6}|{self.nodes[1].val()!r:<4}|{self.nodes[2].add(1) / 3:.3f}|{self.nodes[0].pair()}|{'x' if self.nodes[1].ok(5) else 'y'}"

    def chained(self) -> list:
        return [self.nodes[0].val() < self.nodes[1].val() < self.nodes[2].val(),
                self.nodes[2].val() > self.nodes[0].val() >= self.nodes[1].val() > self.nodes[2].val()]

    def unpack(self) -> str:
        name, value = self.nodes[1].pair()
        (a, b), c = self.nodes[0].pair(), self.nodes[2].val()
        first, *rest = self.nodes[2].items()
        return f"{name} {value} {a} {b} {c} {first} {rest}"

    def counters(self) -> dict:
        for n in self.nodes:
            self.counts[n.pair()[0]] = self.counts.get(n.name, n.val()) + n.add(0)
            self.counts[n.name] += n.val()
        return self.counts

    def whiles(self) -> int:
        steps = 0
        node = self.nodes[0]
        while node.ok(10) and steps < 5:
            steps += node.val()
            node = node.get_next()
        return steps

    def walrus(self) -> list:
        out = []
        for n in self.nodes:
            if (v := n.val()) > 3:
                out.append(v)
        return out

    def assert_and_in(self) -> bool:
        assert self.nodes[0].val() < 100, "too big"
        return self.nodes[1].val() in self.nodes[2].items()
