from typing import Dict, List

from stateflow import entity


@entity
class Sensor:
    def __init__(self, sensor_id: str):
        self.sensor_id: str = sensor_id
        self.readings: List[float] = []
        self.peak: float = float("-inf")

    def __key__(self):
        return self.sensor_id

    def record(self, value: float) -> float:
        self.readings.append(value)
        self.peak = max(self.peak, value)
        return self.mean()

    def mean(self) -> float:
        return sum(self.readings) / len(self.readings)

    def stats(self) -> Dict[str, float]:
        count = len(self.readings)
        mean = self.mean()
        variance = sum((value - mean) ** 2 for value in self.readings) / count
        return {"count": count, "mean": round(mean, 3), "std": round(variance ** 0.5, 4),
                "min": min(self.readings), "max": self.peak}


@entity
class Converter:
    def __init__(self, name: str, rate: float):
        self.name: str = name
        self.rate: float = rate
        self.converted: float = 0.0
        # Not a number until calibrate() runs.
        self.drift: float = float("nan")

    def __key__(self):
        return self.name

    def convert(self, amount: float) -> float:
        result = round(amount * self.rate, 2)
        self.converted += result
        return result

    def calibrate(self, reference: float, measured: float) -> float:
        self.drift = (measured - reference) / reference
        return self.drift

    def average_of(self, sensors: List[Sensor]) -> float:
        return sum(sensor.mean() for sensor in sensors) / len(sensors)
