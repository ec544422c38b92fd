from typing import List

from stateflow import entity, invariant


@entity
class Account:
    def __init__(self, owner: str, balance: int, limit: int = 1000):
        self.owner: str = owner
        self.opening_balance: int = balance
        self.balance: int = balance
        self.limit: int = limit
        self.is_frozen: bool = False
        self.ledger: List[str] = []

    def __key__(self):
        return self.owner

    def deposit(self, amount: int) -> int:
        if amount <= 0:
            raise ValueError(f"deposit must be positive, got {amount}")
        if self.is_frozen:
            raise RuntimeError(f"account {self.owner} is frozen")
        if self.balance + amount > self.limit:
            raise ValueError(f"deposit of {amount} would put {self.owner} over the limit of {self.limit}")
        self.balance += amount
        self.ledger.append(f"+{amount}")
        return self.balance

    def withdraw(self, amount: int) -> int:
        if amount > self.balance:
            raise ValueError(f"insufficient funds: {self.owner} has {self.balance}, needs {amount}")
        self.balance -= amount
        self.ledger.append(f"-{amount}")
        return self.balance

    def transfer(self, to: "Account", amount: int) -> int:
        # Not atomic: the withdrawal stays even when the deposit raises.
        self.withdraw(amount)
        to.deposit(amount)
        return self.balance

    def freeze(self) -> None:
        self.is_frozen = True


@invariant
def money_conserved(accounts: List[Account]) -> bool:
    return sum(a.balance for a in accounts) == sum(a.opening_balance for a in accounts)
