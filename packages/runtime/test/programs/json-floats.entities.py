from stateflow import entity


@entity
class Holder:
    def __init__(self, name: str):
        self.name: str = name
        self.floats: list = [1.0, -0.0, 1e16, 1e-07, 0.1, 2.5e-300, 123456789.0, float("inf")]
        self.big: int = 2 ** 80
        self.mixed: set = {"é", "z", 1, 2.0}
        self.nested: dict = {"a": (1.0, 2), "b": {3.0}}

    def __key__(self):
        return self.name
