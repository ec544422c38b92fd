from typing import Dict, List

from stateflow import entity


@entity
class Calculator:
    def __init__(self, name: str):
        self.name: str = name
        self.memo: Dict[int, int] = {0: 0, 1: 1}
        self.largest: int = 0

    def __key__(self):
        return self.name

    def fibonacci(self, n: int) -> int:
        if n not in self.memo:
            self.memo[n] = self.fibonacci(n - 1) + self.fibonacci(n - 2)
        self.largest = max(self.largest, self.memo[n])
        return self.memo[n]

    def factorial(self, n: int) -> int:
        result = 1
        for factor in range(2, n + 1):
            result *= factor
        return result

    def mix(self, a: int, b: int) -> List[int]:
        return [a + b, a - b, a * b, a // b, a % b, -a // b, -a % b, a & b, a | b, a ^ b, a >> 70, b << 65, ~b]


@entity
class Ledger:
    def __init__(self, account: str):
        self.account: str = account
        self.balance: int = 0
        self.entries: List[int] = []

    def __key__(self):
        return self.account

    def post(self, amount: int) -> int:
        self.entries.append(amount)
        self.balance += amount
        return self.balance

    def compound(self, percent: int, periods: int) -> int:
        for _ in range(periods):
            self.balance = self.balance * (100 + percent) // 100
        return self.balance
