from typing import List, Optional

from stateflow import entity


class Closed(Exception):
    pass


@entity
class Account:
    def __init__(self, name: str, balance: int):
        self.name: str = name
        self.balance: int = balance
        self.open: bool = True

    def __key__(self):
        return self.name

    def deposit(self, amount: int) -> int:
        if not self.open:
            raise Closed(self.name)
        self.balance += amount
        return self.balance

    def close(self) -> None:
        self.open = False

    def get(self) -> int:
        return self.balance

    def items(self) -> List[int]:
        return [self.balance, -self.balance]
