from typing import Dict, List, Optional

from stateflow import entity


class Problem(Exception):
    pass


@entity
class Src:
    def __init__(self, name: str, value: int):
        self.name: str = name
        self.value: int = value
        self.calls: int = 0

    def __key__(self):
        return self.name

    def v(self) -> int:
        self.calls += 1
        return self.value

    def key(self) -> str:
        self.calls += 1
        return self.name

    def items(self) -> List[int]:
        return [self.value, self.value + 1]

    def mapping(self) -> Dict[str, int]:
        return {self.name: self.value, "shared": self.value}

    def error(self, text: str) -> Exception:
        return Problem(f"{self.name}: {text}")

    def width(self) -> int:
        return self.value + 4

    def maybe(self, flag: bool) -> Optional["Src"]:
        return self if flag else None


@entity
class Sink:
    def __init__(self, name: str, a: Src, b: Src):
        self.name: str = name
        self.a: Src = a
        self.b: Src = b
        self.total: int = 0
        self.table: Dict[str, int] = {"a": 0, "b": 0}

    def __key__(self):
        return self.name

    def literals(self) -> list:
        d = {self.a.key(): self.b.v(), self.b.key(): self.a.v()}
        s = {self.a.v(), self.b.v(), self.a.v()}
        t = (self.a.v(), (self.b.v(),))
        star = [*self.a.items()] + [*self.b.items()]
        merged = {**self.a.mapping(), **self.b.mapping()}
        return [d, sorted(s), t, star, merged]

    def slices(self) -> list:
        xs = list(range(10))
        return [xs[self.a.v():self.b.v()], xs[self.b.v():self.a.v():-1], xs[::self.a.v()]]

    def augmented(self) -> list:
        self.total += self.a.v()
        self.total -= self.b.v() * 2
        self.table[self.a.key()[0]] += self.b.v()
        self.table[self.b.key()[0]] -= self.a.v()
        x = y = self.a.v()
        x += 1
        return [self.total, self.table, x, y]

    def deleting(self) -> dict:
        d = {"a": 1, "b": 2, "c": 3}
        del d[self.a.key()]
        return d

    def formatting(self) -> list:
        return ["%s-%05d" % (self.a.key(), self.b.v()), f"[{self.a.key():>{self.b.width()}}]", "{0}{1}{0}".format(self.a.key(), self.b.v()), f"{self.a.v() / 3:.{self.b.v()}f}"]

    def raising(self, which: int) -> str:
        try:
            if which == 0:
                raise self.a.error("direct")
            if which == 1:
                raise Problem("wrapped") from self.b.error("cause")
            assert self.a.v() > 100, f"assert {self.b.key()}"
        except Problem as error:
            return f"{error} / {error.__cause__ if which == 1 else None}"
        except AssertionError as error:
            return f"AssertionError {error}"
        return "none"

    def walrus_comp(self) -> list:
        picked = [y for s in [self.a, self.b] if (y := s.v()) > 2]
        return [picked, y]

    def identity(self) -> list:
        return [self.a.maybe(True) is None, self.a.maybe(False) is None, not self.a.v(), self.b.maybe(True) == self.b, self.a.maybe(True) != self.b]

    def chained_optional(self) -> int:
        n = self.a.maybe(True)
        if n is not None and n.maybe(True) is not None:
            return n.maybe(True).v()
        return -1

    def sum_gen(self) -> int:
        return sum(s.v() for s in [self.a, self.b, self.a] if s.key() != "zz")
