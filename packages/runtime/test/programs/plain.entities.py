from typing import List

from stateflow import entity


@entity
class Box:
    LIMIT = 10

    def __init__(self, name: str):
        self.name: str = name
        self.v: int = 5

    def __key__(self):
        return self.name

    def items(self) -> List[int]:
        return [1, 2]

    def limits(self) -> int:
        return self.LIMIT + Box.LIMIT

    def context_inside(self) -> list:
        out = []
        try:
            raise KeyError("outer")
        except KeyError:
            try:
                [][1]
            except IndexError as error:
                out.append(repr(error.__context__))
        try:
            try:
                raise KeyError("pending")
            finally:
                try:
                    raise TypeError("t")
                except TypeError as error:
                    out.append(repr(error.__context__))
        except KeyError:
            pass
        return out
