from typing import List

from stateflow import entity


@entity
class Vault:
    def __init__(self, name: str, code: str):
        self.name: str = name
        self.code: str = code
        self.contents: List[str] = []
        self.failed_attempts: int = 0

    def __key__(self):
        return self.name

    def deposit(self, item: str) -> int:
        self.contents.append(item)
        return len(self.contents)

    def open(self, code: str) -> List[str]:
        if code != self.code:
            self.failed_attempts += 1
            raise PermissionError(f"wrong code for vault {self.name} ({self.failed_attempts} failed attempts)")
        return self.contents


@entity
class Guard:
    def __init__(self, name: str, vault: Vault):
        self.name: str = name
        self.vault: Vault = vault
        self.rounds: int = 0

    def __key__(self):
        return self.name

    def inspect(self, code: str) -> int:
        self.rounds += 1
        return len(self.vault.open(code))
