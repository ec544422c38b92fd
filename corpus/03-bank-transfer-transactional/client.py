from typing import List

alice = Account("alice", 100)
bob = Account("bob", 50)
carol = Account("carol", 20, limit=60)
company = Account("company", 300)


def show(accounts: List[Account]) -> None:
    print(" | ".join(f"{a.owner}: {a.balance}" for a in accounts))


def try_transfer(source: Account, target: Account, amount: int) -> None:
    try:
        left = source.transfer(target, amount)
        print(f"{source.owner} -> {target.owner} {amount}: ok, {left} left")
    except (ValueError, RuntimeError) as error:
        print(f"{source.owner} -> {target.owner} {amount}: {type(error).__name__}: {error}")


accounts = [alice, bob, carol, company]
show(accounts)
try_transfer(alice, bob, 30)
try_transfer(bob, carol, 500)
try_transfer(bob, carol, 30)
show(accounts)

# The deposit raises, so the withdrawal from alice is undone as well.
try_transfer(alice, carol, 25)
show(accounts)

payroll = Payroll("acme", company)
for person in [alice, bob, carol]:
    print("staff:", payroll.hire(person))

print("first run paid", payroll.pay_everyone(5))
show(accounts)

# carol would pass her limit of 60: alice and bob keep their unpaid balances too.
try:
    payroll.pay_everyone(10)
except ValueError as error:
    print("second run failed:", error)
show(accounts)
print("payroll runs:", payroll.runs)

carol.freeze()
try_transfer(bob, carol, 10)
show(accounts)

print("total:", sum(a.balance for a in accounts))
for account in accounts:
    print(account.owner, account.ledger)
