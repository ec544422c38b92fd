from typing import Dict, List, Optional

from stateflow import entity, invariant, transactional


class Rejected(Exception):
    pass


@entity
class Stage:
    def __init__(self, name: str, capacity: int, next_stage: Optional["Stage"]):
        self.name: str = name
        self.capacity: int = capacity
        self.load: int = 0
        self.next_stage: Optional[Stage] = next_stage
        self.log: List[str] = []
        self.tags: Dict[str, int] = {}

    def __key__(self):
        return self.name

    def push(self, amount: int) -> int:
        self.load += amount
        self.log.append(f"+{amount}")
        self.tags[f"t{len(self.log)}"] = amount
        if self.load > self.capacity:
            raise Rejected(f"{self.name} over capacity: {self.load} > {self.capacity}")
        if self.next_stage is None:
            return self.load
        return self.next_stage.push(amount * 2) + self.load

    @transactional
    def push_atomic(self, amount: int) -> int:
        return self.push(amount)

    @transactional
    def push_tolerant(self, amount: int) -> str:
        self.log.append("tolerant")
        try:
            return str(self.next_stage.push_atomic(amount))
        except Rejected as error:
            self.log.append("caught")
            return f"partial: {error}"

    @transactional
    def push_then_fail(self, amount: int) -> int:
        got = self.push(amount)
        Stage(f"tmp{amount}", 1, None)
        if got > 0:
            raise KeyError(self.name)
        return got

    def plain_then_atomic(self, amount: int) -> str:
        self.log.append("plain")
        try:
            self.push_atomic(amount)
        except Rejected as error:
            return f"kept plain, undone atomic: {error}"
        return "ok"

    @transactional
    def swap_next(self, other: "Stage") -> None:
        old = self.next_stage
        self.next_stage = other
        other.push(1)
        self.tags["swapped"] = 1
        if old is not None:
            old.push(10 ** 9)


@invariant
def loads_nonnegative(stages: List[Stage]) -> bool:
    return all(s.load >= 0 and len(s.log) >= len(s.tags) for s in stages)
