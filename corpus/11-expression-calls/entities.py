from typing import Dict, List

from stateflow import entity


@entity
class Recorder:
    def __init__(self, name: str):
        self.name: str = name
        self.events: List[str] = []

    def __key__(self):
        return self.name

    def note(self, event: str) -> int:
        self.events.append(event)
        return len(self.events)

    def take(self) -> List[str]:
        events = self.events
        self.events = []
        return events


@entity
class Gauge:
    def __init__(self, name: str, level: int, recorder: Recorder):
        self.name: str = name
        self.level: int = level
        self.recorder: Recorder = recorder

    def __key__(self):
        return self.name

    def read(self) -> int:
        self.recorder.note(f"read {self.name}")
        return self.level

    def is_high(self, threshold: int) -> bool:
        self.recorder.note(f"check {self.name}")
        return self.level > threshold

    def drain(self, amount: int) -> int:
        self.level -= amount
        return self.level

    def scale(self, factor: int) -> int:
        self.recorder.note(f"scale {self.name} by {factor}")
        return self.level * factor


@entity
class Panel:
    def __init__(self, name: str, gauges: List[Gauge]):
        self.name: str = name
        self.gauges: List[Gauge] = gauges

    def __key__(self):
        return self.name

    def first(self) -> Gauge:
        return self.gauges[0]

    def last(self) -> Gauge:
        return self.gauges[-1]

    def spread(self) -> int:
        return self.first().read() - self.last().read()

    def nested(self) -> int:
        return self.first().scale(self.last().read())

    def peak(self) -> int:
        return max(gauge.read() for gauge in self.gauges)

    def high_names(self, threshold: int) -> List[str]:
        return [gauge.name for gauge in self.gauges if gauge.is_high(threshold)]

    def levels(self) -> Dict[str, int]:
        return {gauge.name: gauge.read() for gauge in self.gauges}

    def both_high(self, threshold: int) -> bool:
        return self.first().is_high(threshold) and self.last().is_high(threshold)

    def either_high(self, threshold: int) -> bool:
        return self.first().is_high(threshold) or self.last().is_high(threshold)

    def pick(self, threshold: int) -> int:
        return self.first().read() if self.first().is_high(threshold) else self.last().read()

    def ordered(self) -> bool:
        return self.last().read() < self.gauges[1].read() < self.first().read()

    def drain_first_below(self, threshold: int) -> int:
        steps = 0
        while self.first().read() > threshold:
            self.first().drain(10)
            steps += 1
        return steps

    def report(self) -> str:
        return f"{self.first().name}={self.first().read()}, {self.last().name}={self.last().read()}"

    def weighted(self) -> int:
        total = 0
        for index, gauge in enumerate(self.gauges):
            total += (index + 1) * gauge.read() if gauge.is_high(15) else 0
        return total
