from typing import List

from stateflow import entity

print("module level", end=" ")
print("continues")


@entity
class Printer:
    def __init__(self, name: str):
        self.name: str = name
        print(f"init {name}", end="")

    def __key__(self):
        return self.name

    def part(self, text: str) -> int:
        print(text, end="|")
        return len(text)

    def many(self, items: List[str]) -> None:
        print(*items, sep=", ", end=".\n")
        print()
        print("a\nb", "c", sep="")
        print(1, 2.0, None, True, [1, "x"], (1,), {"k": None})

    def relay(self, other: "Printer", text: str) -> int:
        print("[", end="")
        n = other.part(text)
        print("]", end="\n\n")
        return n
