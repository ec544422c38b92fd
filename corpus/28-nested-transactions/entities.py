from typing import List

from stateflow import entity, transactional


@entity
class Wallet:
    def __init__(self, owner: str, balance: int):
        self.owner: str = owner
        self.balance: int = balance
        self.is_blocked: bool = False

    def __key__(self):
        return self.owner

    def credit(self, amount: int) -> int:
        if self.is_blocked:
            raise RuntimeError(f"wallet {self.owner} is blocked")
        self.balance += amount
        return self.balance

    def debit(self, amount: int) -> int:
        if amount > self.balance:
            raise ValueError(f"{self.owner} has {self.balance}, needs {amount}")
        self.balance -= amount
        return self.balance

    def block(self) -> None:
        self.is_blocked = True

    @transactional
    def pay(self, to: "Wallet", amount: int) -> int:
        self.debit(amount)
        to.credit(amount)
        return self.balance


@entity
class Receipt:
    def __init__(self, receipt_id: str, payer: str, payee: str, amount: int):
        self.receipt_id: str = receipt_id
        self.payer: str = payer
        self.payee: str = payee
        self.amount: int = amount

    def __key__(self):
        return self.receipt_id


@entity
class Treasurer:
    def __init__(self, name: str):
        self.name: str = name
        self.receipts: List[Receipt] = []
        self.failures: List[str] = []
        self.batches: int = 0

    def __key__(self):
        return self.name

    def record(self, payer: Wallet, payee: Wallet, amount: int) -> None:
        receipt_id = f"{self.name}-{len(self.receipts) + 1}"
        self.receipts.append(Receipt(receipt_id, payer.owner, payee.owner, amount))

    @transactional
    def pay_each(self, payer: Wallet, payees: List[Wallet], amount: int) -> int:
        # Wallet.pay is transactional too, but it runs inside this call's
        # transaction: a payment that fails and is caught here is not undone.
        self.batches += 1
        paid = 0
        for payee in payees:
            try:
                payer.pay(payee, amount)
            except RuntimeError as error:
                self.failures.append(str(error))
                continue
            self.record(payer, payee, amount)
            paid += 1
        return paid

    @transactional
    def pay_all_or_nothing(self, payer: Wallet, payees: List[Wallet], amount: int) -> int:
        self.batches += 1
        for payee in payees:
            payer.pay(payee, amount)
            self.record(payer, payee, amount)
        return len(payees)

    def pay_then_fail(self, payer: Wallet, payee: Wallet, amount: int) -> None:
        # Not transactional: the note stays even though the payment is undone.
        self.failures.append(f"attempting {payer.owner} -> {payee.owner}")
        payer.pay(payee, amount)
