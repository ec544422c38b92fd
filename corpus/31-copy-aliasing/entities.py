from typing import Dict, List

from stateflow import entity


@entity
class Planner:
    def __init__(self, name: str):
        self.name: str = name
        self.days: List[List[str]] = []
        self.shared: Dict[str, List[str]] = {}

    def __key__(self):
        return self.name

    def load(self, days: List[List[str]]) -> bool:
        self.days = days
        return self.days[0] is self.days[1]

    def add_to_first(self, task: str) -> List[List[str]]:
        self.days[0].append(task)
        return self.days

    def load_two(self, monday: List[str], tuesday: List[str]) -> bool:
        self.shared = {"monday": monday, "tuesday": tuesday}
        return monday is tuesday

    def add_to_monday(self, task: str) -> Dict[str, List[str]]:
        self.shared["monday"].append(task)
        return self.shared

    def same_list_twice(self) -> List[List[str]]:
        week = ["gym"]
        return [week, week]
