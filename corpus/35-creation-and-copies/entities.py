from typing import Dict, List, Optional

from stateflow import entity, transactional


@entity
class Box:
    def __init__(self, key: str, items: List[int], meta: Dict[str, List[int]]):
        self.key: str = key
        self.items: List[int] = items
        self.meta: Dict[str, List[int]] = meta
        self.owner: Optional[Factory] = None

    def __key__(self):
        return self.key

    def set_owner(self, owner: "Factory") -> None:
        self.owner = owner

    def get_items(self) -> List[int]:
        return self.items

    def push(self, value: int) -> List[int]:
        self.items.append(value)
        return self.items

    def owner_name(self) -> str:
        return self.owner.name


@entity
class Factory:
    def __init__(self, name: str):
        self.name: str = name
        self.made: List[Box] = []
        self.shared: List[int] = [1, 2]
        self.log: List[str] = []

    def __key__(self):
        return self.name

    def make(self, key: str) -> Box:
        box = Box(key, self.shared, {"a": self.shared, "b": self.shared})
        box.set_owner(self)
        self.made.append(box)
        return box

    def make_twice(self, key: str) -> str:
        self.make(key)
        try:
            self.make(key)
        except ValueError as error:
            self.log.append(str(error))
            return f"second failed: {error}"
        return "both made"

    def mutate_copy(self, box: Box) -> list:
        items = box.get_items()
        items.append(99)
        pushed = box.push(7)
        pushed.append(-1)
        again = box.items
        again.append(-2)
        return [items, pushed, again, box.items]

    def aliasing(self) -> list:
        box = self.made[0]
        meta = box.meta
        meta["a"].append(5)
        return [meta["a"] is meta["b"], meta, box.meta]

    @transactional
    def make_many(self, prefix: str, count: int, fail: bool) -> int:
        for i in range(count):
            b = Box(f"{prefix}{i}", [i], {})
            self.made.append(b)
            b.push(i * 10)
        if fail:
            self.made[0].push(-100)
            raise RuntimeError(f"abort after {count}")
        return len(self.made)

    def read_remote(self) -> list:
        return [b.key for b in self.made] + [len(self.made[-1].items)] + [self.made[0].owner_name()]

    def same(self, box: Box) -> list:
        first = self.made[0]
        return [box == first, box is first, box.key == first.key, box in self.made]

    def make_int_key_dup(self) -> str:
        try:
            Slot(1)
            Slot(1)
        except ValueError as error:
            return str(error)
        return "no error"


@entity
class Slot:
    def __init__(self, number: int):
        self.number: int = number

    def __key__(self):
        return self.number
