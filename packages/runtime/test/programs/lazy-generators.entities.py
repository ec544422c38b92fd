from stateflow import entity


@entity
class Probe:
    def __init__(self, name: str, value: int):
        self.name: str = name
        self.value: int = value
        self.calls: int = 0

    def __key__(self):
        return self.name

    def check(self) -> int:
        self.calls += 1
        print("check", self.name)
        return self.value
