from typing import List

from stateflow import entity


class Point:
    dims = 2

    def __init__(self, x: int, y: int):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"

    def __eq__(self, other):
        return isinstance(other, Point) and self.x == other.x and self.y == other.y

    def __lt__(self, other):
        return (self.x, self.y) < (other.x, other.y)

    def __add__(self, other):
        return Point(self.x + other.x, self.y + other.y)

    def norm1(self) -> int:
        return abs(self.x) + abs(self.y)

    @staticmethod
    def origin():
        return Point(0, 0)

    @classmethod
    def diag(cls, n):
        return cls(n, n)

    @property
    def swapped(self):
        return Point(self.y, self.x)


class Point3(Point):
    dims = 3

    def __init__(self, x, y, z):
        Point.__init__(self, x, y)
        self.z = z

    def __repr__(self):
        return f"Point3({self.x}, {self.y}, {self.z})"

    def norm1(self) -> int:
        return Point.norm1(self) + abs(self.z)


@entity
class Canvas:
    def __init__(self, name: str):
        self.name: str = name
        self.points: List[Point] = []

    def __key__(self):
        return self.name

    def add(self, p: Point) -> Point:
        self.points.append(p)
        p.x += 1000
        return p

    def summary(self) -> str:
        ps = sorted(self.points)
        return f"{ps} {[p.norm1() for p in ps]} {sum([p.x for p in ps])} {Point.dims} {Point3.dims} {ps[0].dims}"

    def ops(self) -> list:
        a = Point(1, 2)
        b = Point.diag(3)
        return [a + b, a == Point(1, 2), a != Point(1, 2), a.swapped, Point.origin(), str(a), isinstance(Point3(1, 1, 1), Point), Point3(1, -2, 3).norm1()]
