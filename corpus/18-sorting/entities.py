from typing import Dict, List, Tuple

from stateflow import entity


@entity
class Player:
    def __init__(self, handle: str, country: str):
        self.handle: str = handle
        self.country: str = country
        self.scores: List[int] = []
        self.wins: int = 0

    def __key__(self):
        return self.handle

    def add_score(self, score: int, is_win: bool = False) -> int:
        self.scores.append(score)
        if is_win:
            self.wins += 1
        return self.best()

    def best(self) -> int:
        return max(self.scores, default=0)

    def row(self) -> Tuple[str, str, int, int, int]:
        return self.handle, self.country, self.best(), self.wins, sum(self.scores)


@entity
class Leaderboard:
    def __init__(self, season: str):
        self.season: str = season
        self.players: List[Player] = []

    def __key__(self):
        return self.season

    def join(self, player: Player) -> int:
        self.players.append(player)
        return len(self.players)

    def rows(self) -> List[Tuple[str, str, int, int, int]]:
        return [player.row() for player in self.players]

    def ranking(self) -> List[str]:
        ranked = sorted(self.rows(), key=lambda row: (-row[2], -row[3], row[0]))
        return [f"{place}. {row[0]} {row[2]}" for place, row in enumerate(ranked, start=1)]

    def by_total(self) -> List[str]:
        # Stable: players with equal totals keep their join order.
        return [row[0] for row in sorted(self.rows(), key=lambda row: row[4], reverse=True)]

    def by_country(self) -> Dict[str, List[str]]:
        groups: Dict[str, List[str]] = {}
        for handle, country, _, _, _ in sorted(self.rows(), key=lambda row: (row[1], row[0].lower())):
            groups.setdefault(country, []).append(handle)
        return groups

    def extremes(self) -> Tuple[str, str]:
        rows = self.rows()
        top = max(rows, key=lambda row: row[4])
        bottom = min(rows, key=lambda row: (row[2], row[0]))
        return top[0], bottom[0]

    def sort_players_by_best(self) -> List[str]:
        best = {}
        for player in self.players:
            best[player.handle] = player.best()
        handles = [self.handle_at(index) for index in range(len(self.players))]
        order = sorted(range(len(handles)), key=lambda index: best[handles[index]])
        self.players = [self.players[index] for index in order]
        return [self.handle_at(index) for index in range(len(self.players))]

    def handle_at(self, index: int) -> str:
        player: Player = self.players[index]
        return player.handle
