from typing import List

boss = Wallet("boss", 1000)
staff = [Wallet("ann", 0), Wallet("bea", 0), Wallet("cat", 0)]
treasurer = Treasurer("t")


def balances(wallets: List[Wallet]) -> str:
    return ", ".join(f"{wallet.owner}={wallet.balance}" for wallet in wallets)


staff[1].block()
print("paid:", treasurer.pay_each(boss, staff, 100))
print(balances([boss] + staff))
print("receipts:", [receipt.receipt_id for receipt in treasurer.receipts])

try:
    treasurer.pay_all_or_nothing(boss, staff, 50)
except RuntimeError as error:
    print("all-or-nothing failed:", error)
print(balances([boss] + staff))
print("receipts:", len(treasurer.receipts), "batches:", treasurer.batches)

try:
    treasurer.pay_then_fail(staff[0], staff[1], 10)
except RuntimeError as error:
    print("pay_then_fail:", error)
print(balances([boss] + staff))
print("failures:", treasurer.failures)

try:
    treasurer.pay_all_or_nothing(boss, [staff[0], staff[2]], 500)
except ValueError as error:
    print("too much:", error)
print(balances([boss] + staff), "receipts:", len(treasurer.receipts))
