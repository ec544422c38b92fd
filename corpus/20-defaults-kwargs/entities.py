from typing import List, Optional

from stateflow import entity

DEFAULT_TARGET = 20.0


@entity
class Thermostat:
    def __init__(self, room: str, target: float = DEFAULT_TARGET, mode: str = "heat", *, locked: bool = False):
        self.room: str = room
        self.target: float = target
        self.mode: str = mode
        self.is_locked: bool = locked
        self.changes: List[str] = []

    def __key__(self):
        return self.room

    def set_target(self, target: float, mode: Optional[str] = None, *, force: bool = False,
                   reason: str = "manual") -> str:
        if self.is_locked and not force:
            return f"{self.room} is locked"
        self.target = target
        if mode is not None:
            self.mode = mode
        self.changes.append(f"{target}/{self.mode}/{reason}")
        return f"{self.room}: {self.target} {self.mode}"

    def describe(self, verbose: bool = False, unit: str = "C") -> str:
        text = f"{self.room} {self.target}{unit}"
        return f"{text} ({self.mode}, {len(self.changes)} changes)" if verbose else text


@entity
class Schedule:
    def __init__(self, name: str, rooms: Optional[List[Thermostat]] = None):
        self.name: str = name
        self.rooms: List[Thermostat] = [] if rooms is None else rooms

    def __key__(self):
        return self.name

    def add(self, thermostat: Thermostat) -> int:
        self.rooms.append(thermostat)
        return len(self.rooms)

    def night(self, drop: float = 3.0, *, force: bool = False) -> List[str]:
        results = []
        for thermostat in self.rooms:
            results.append(thermostat.set_target(DEFAULT_TARGET - drop, reason="night", force=force))
        return results

    def summary(self, **options) -> List[str]:
        return [thermostat.describe(**options) for thermostat in self.rooms]
