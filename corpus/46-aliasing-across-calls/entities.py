from typing import Dict, List

from stateflow import entity


@entity
class Peer:
    def __init__(self, name: str):
        self.name: str = name
        self.seen: int = 0

    def __key__(self):
        return self.name

    def touch(self) -> int:
        self.seen += 1
        return self.seen

    def call_back(self, home: "Home", value: int) -> int:
        home.receive(value)
        return value


@entity
class Home:
    def __init__(self, name: str, peer: Peer):
        self.name: str = name
        self.peer: Peer = peer
        self.items: List[int] = [1, 2, 3]
        self.table: Dict[str, List[int]] = {"a": [1]}

    def __key__(self):
        return self.name

    def receive(self, value: int) -> None:
        self.items.append(value)

    def local_alias(self) -> list:
        xs = self.items
        inner = self.table["a"]
        self.peer.touch()
        xs.append(10)
        inner.append(20)
        return [self.items, self.table, xs is self.items]

    def reentrant_alias(self) -> list:
        xs = self.items
        before = len(xs)
        self.peer.call_back(self, 99)
        return [before, len(xs), xs is self.items, xs[-1]]

    def grow_while_iterating(self) -> list:
        seen = []
        for x in self.items:
            seen.append(x)
            if self.peer.touch() < 4 and x < 100:
                self.items.append(x + 100)
        return seen

    def iterator_across_calls(self) -> list:
        it = iter([5, 6, 7, 8])
        first = next(it)
        self.peer.touch()
        second = next(it)
        rest = []
        for y in it:
            rest.append(y * self.peer.touch())
        return [first, second, rest]

    def generator_across_calls(self) -> list:
        gen = (x * 2 for x in self.items[:3])
        a = next(gen)
        self.peer.touch()
        return [a, list(gen)]

    def dict_change_during_iteration(self) -> str:
        try:
            for k in self.table:
                self.peer.touch()
                self.table[k + "x"] = []
        except RuntimeError as error:
            return f"RuntimeError: {error}"
        return "no error"

    def shared_between_locals(self) -> list:
        a = [1]
        b = [a, a]
        c = {"k": a}
        self.peer.touch()
        a.append(2)
        return [b, c, b[0] is c["k"]]

    def except_var_unbound(self) -> str:
        try:
            self.peer.call_back(self, int("x"))
        except ValueError as error:
            message = str(error)
        try:
            return message + " / " + str(error)
        except NameError as problem:
            return message + " / NameError: " + str(problem)

    def unbound_after_call(self, flag: bool) -> str:
        if flag:
            value = 1
        self.peer.touch()
        try:
            return str(value)
        except UnboundLocalError as error:
            return f"UnboundLocalError: {error}"

    def del_then_call(self) -> str:
        temp = [1, 2]
        del temp
        self.peer.touch()
        try:
            return str(temp)
        except UnboundLocalError as error:
            return f"UnboundLocalError: {error}"

    def loop_var_leak(self) -> list:
        for i in range(3):
            self.peer.touch()
        squares = [j * j for j in range(4)]
        return [i, squares]

    def closure_after_call(self) -> list:
        base = 10
        add = lambda v: v + base
        self.peer.touch()
        base = 20
        return [add(1), sorted([3, 1, 2], key=lambda v: -v)]
