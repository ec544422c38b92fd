from typing import Dict, List, Optional, Tuple

from stateflow import entity


@entity
class City:
    def __init__(self, name: str):
        self.name: str = name
        self.roads: Dict[str, int] = {}
        self.neighbours: List["City"] = []

    def __key__(self):
        return self.name

    def connect(self, other: "City", distance: int) -> None:
        self.roads[other.name] = distance
        self.neighbours.append(other)

    def explore(self, visited: List[str]) -> List[str]:
        # visited arrives as a copy, so each call returns the grown list.
        visited.append(self.name)
        for neighbour in self.neighbours:
            if neighbour.name not in visited:
                visited = neighbour.explore(visited)
        return visited

    def reachable_within(self, hops: int) -> List[str]:
        if hops == 0:
            return [self.name]
        found = {self.name}
        for neighbour in self.neighbours:
            found.update(neighbour.reachable_within(hops - 1))
        return sorted(found)

    def road_to(self, name: str) -> Optional["City"]:
        for neighbour in self.neighbours:
            if neighbour.name == name:
                return neighbour
        return None


@entity
class Planner:
    def __init__(self, name: str, cities: Dict[str, City]):
        self.name: str = name
        self.cities: Dict[str, City] = cities
        self.queries: int = 0

    def __key__(self):
        return self.name

    def shortest(self, start: str, goal: str) -> Tuple[int, List[str]]:
        self.queries += 1
        best: Dict[str, int] = {start: 0}
        previous: Dict[str, str] = {}
        frontier: List[Tuple[int, str]] = [(0, start)]
        done = set()
        while frontier:
            frontier.sort()
            distance, name = frontier.pop(0)
            if name in done:
                continue
            if name == goal:
                break
            done.add(name)
            city: City = self.cities[name]
            for neighbour, length in city.roads.items():
                candidate = distance + length
                if candidate < best.get(neighbour, candidate + 1):
                    best[neighbour] = candidate
                    previous[neighbour] = name
                    frontier.append((candidate, neighbour))
        else:
            return -1, []
        path = [goal]
        while path[-1] != start:
            path.append(previous[path[-1]])
        return best[goal], path[::-1]

    def walk(self, start: str, names: List[str]) -> str:
        current: Optional[City] = self.cities[start]
        for name in names:
            if current is None:
                break
            current = current.road_to(name)
        return "lost" if current is None else current.name
