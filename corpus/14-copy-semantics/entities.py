from typing import Dict, List

from stateflow import entity


@entity
class Box:
    def __init__(self, label: str, contents: List[str]):
        self.label: str = label
        self.contents: List[str] = contents
        self.notes: Dict[str, List[str]] = {"added": []}

    def __key__(self):
        return self.label

    def store(self, things: List[str]) -> int:
        self.contents.extend(things)
        self.notes["added"].append(",".join(things))
        things.clear()
        return len(self.contents)

    def get_contents(self) -> List[str]:
        return self.contents

    def get_notes(self) -> Dict[str, List[str]]:
        return self.notes

    def keep(self, things: List[str]) -> None:
        self.contents = things


@entity
class Mover:
    def __init__(self, name: str):
        self.name: str = name
        self.carried: List[str] = []

    def __key__(self):
        return self.name

    def move(self, source: Box, target: Box) -> List[str]:
        load = source.get_contents()
        load.append("dust")
        target.keep(load)
        load.append("more dust")
        self.carried = load
        return self.carried

    def peek(self, box: Box) -> int:
        seen = box.contents
        seen.append("fingerprint")
        return len(seen)
