from stateflow import entity


@entity
class Meter:
    def __init__(self, name: str, reading: int):
        self.name: str = name
        self.reading: int = reading

    def __key__(self):
        return self.name

    def read(self) -> int:
        self.reading += 1
        return self.reading
