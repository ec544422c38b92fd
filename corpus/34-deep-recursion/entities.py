from typing import List, Optional

from stateflow import entity, transactional


@entity
class Cell:
    def __init__(self, index: int, value: int):
        self.index: int = index
        self.value: int = value
        self.next: Optional[Cell] = None
        self.visits: int = 0

    def __key__(self):
        return self.index

    def attach(self, other: "Cell") -> None:
        self.next = other

    def total(self) -> int:
        self.visits += 1
        if self.next is None:
            return self.value
        return self.value + self.next.total()

    def depth_sum(self, depth: int) -> int:
        if self.next is None:
            return depth
        return self.next.depth_sum(depth + 1) + depth

    def find(self, target: int) -> int:
        if self.value == target:
            return self.index
        if self.next is None:
            raise LookupError(f"value {target} not found after cell {self.index}")
        return self.next.find(target)

    def bump_all(self, amount: int) -> int:
        self.value += amount
        if self.next is None:
            return 1
        return 1 + self.next.bump_all(amount)

    @transactional
    def bump_checked(self, amount: int, fail_at: int) -> int:
        self.value += amount
        if self.index == fail_at:
            raise ValueError(f"cell {self.index} refused {amount}")
        if self.next is None:
            return self.value
        return self.next.bump_checked(amount, fail_at)

    def collect(self, acc: List[int]) -> List[int]:
        acc.append(self.value)
        if self.next is not None:
            return self.next.collect(acc)
        return acc

    def ping(self, me: "Cell", n: int) -> int:
        if n == 0:
            return self.value
        return me.ping(self, n - 1) + 1


@entity
class Counter:
    def __init__(self, name: str):
        self.name: str = name
        self.calls: int = 0

    def __key__(self):
        return self.name

    def fact(self, n: int) -> int:
        self.calls += 1
        if n <= 1:
            return 1
        return n * self.fact(n - 1)

    def fib_via(self, me: "Counter", n: int) -> int:
        self.calls += 1
        if n < 2:
            return n
        return me.fib_via(me, n - 1) + me.fib_via(me, n - 2)

    def countdown(self, other: "Counter", n: int) -> int:
        self.calls += 1
        if n == 0:
            return 0
        return other.countdown(self, n - 1) + 1
