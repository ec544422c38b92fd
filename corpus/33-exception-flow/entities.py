from typing import List, Optional

from stateflow import entity


class LedgerError(Exception):
    pass


class Overdrawn(LedgerError):
    def __init__(self, account: str, missing: int):
        Exception.__init__(self, f"{account} is short by {missing}")
        self.account = account
        self.missing = missing


@entity
class Account:
    def __init__(self, name: str, balance: int):
        self.name: str = name
        self.balance: int = balance
        self.history: List[str] = []

    def __key__(self):
        return self.name

    def withdraw(self, amount: int) -> int:
        if amount < 0:
            raise ValueError(f"negative amount {amount}")
        if amount > self.balance:
            raise Overdrawn(self.name, amount - self.balance)
        self.balance -= amount
        self.history.append(f"-{amount}")
        return self.balance

    def deposit(self, amount: int) -> int:
        if amount == 13 and self.name == "b":
            raise LedgerError("unlucky deposit")
        self.balance += amount
        self.history.append(f"+{amount}")
        return self.balance

    def lookup(self, index: int) -> str:
        return self.history[index]

    def ratio(self, d: int) -> float:
        return self.balance / d


@entity
class Bank:
    def __init__(self, name: str):
        self.name: str = name
        self.events: List[str] = []

    def __key__(self):
        return self.name

    def transfer(self, src: Account, dst: Account, amount: int) -> str:
        try:
            src.withdraw(amount)
        except Overdrawn as error:
            self.events.append(f"overdrawn {error.account} {error.missing}")
            return f"failed: {error}"
        except LedgerError:
            self.events.append("ledger")
            raise
        else:
            self.events.append("withdrawn")
        finally:
            self.events.append("finally1")
        try:
            dst.deposit(amount)
        except LedgerError as error:
            src.deposit(amount)
            self.events.append(f"refund {error}")
            raise RuntimeError(f"transfer of {amount} failed") from error
        finally:
            self.events.append("finally2")
        return "ok"

    def safe(self, src: Account, dst: Account, amount: int) -> str:
        try:
            return self.transfer(src, dst, amount)
        except RuntimeError as error:
            cause = error.__cause__
            return f"caught {type(error).__name__}: {error} (cause {type(cause).__name__}: {cause})"
        except ValueError as error:
            return f"value {error.args}"
        finally:
            self.events.append("safe done")

    def probe(self, acct: Account, index: int) -> str:
        try:
            text = acct.lookup(index)
        except IndexError as error:
            return f"IndexError {error}"
        except KeyError:
            return "never"
        return text

    def divide(self, acct: Account, d: int) -> str:
        try:
            return repr(acct.ratio(d))
        except ZeroDivisionError as error:
            return f"zero: {error}"

    def in_loop(self, accounts: List[Account], amount: int) -> List[str]:
        out = []
        for acct in accounts:
            try:
                out.append(str(acct.withdraw(amount)))
                if acct.name == "b":
                    continue
                out.append("after")
            except Overdrawn as e:
                out.append(f"short {e.missing}")
                break
            finally:
                out.append(f"fin {acct.name}")
        else:
            out.append("no break")
        return out

    def return_in_finally_flow(self, acct: Account) -> str:
        for i in range(5):
            try:
                if acct.withdraw(1) < 98:
                    return f"returned at {i}"
            finally:
                self.events.append(f"loop fin {i}")
        return "end"

    def nested_reraise(self, acct: Account) -> str:
        try:
            try:
                acct.withdraw(10 ** 6)
            except Overdrawn:
                self.events.append("inner")
                raise
            finally:
                self.events.append("inner finally")
        except LedgerError as error:
            return f"outer {type(error).__name__} {error.args[0]}"
        return "unreachable"

    def context_chain(self, acct: Account) -> str:
        try:
            try:
                acct.deposit(13)
            except LedgerError:
                acct.lookup(999)
        except IndexError as error:
            return f"{type(error).__name__}: {error}"
        return "none"

    def raise_through(self, acct: Account) -> int:
        return acct.withdraw(-5)
