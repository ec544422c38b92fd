from typing import List

alice = Account("alice", 100)
bob = Account("bob", 50)
carol = Account("carol", 20, limit=60)


def show(accounts: List[Account]) -> None:
    print(" | ".join(f"{a.owner}: {a.balance}" for a in accounts))


def try_transfer(source: Account, target: Account, amount: int) -> None:
    try:
        left = source.transfer(target, amount)
        print(f"{source.owner} -> {target.owner} {amount}: ok, {left} left")
    except ValueError as error:
        print(f"{source.owner} -> {target.owner} {amount}: ValueError: {error}")
    except RuntimeError as error:
        print(f"{source.owner} -> {target.owner} {amount}: RuntimeError: {error}")


accounts = [alice, bob, carol]
show(accounts)
try_transfer(alice, bob, 30)
try_transfer(bob, carol, 500)
try_transfer(bob, carol, 30)
show(accounts)

# carol's limit is 60: the withdrawal from alice happens, the deposit fails.
try_transfer(alice, carol, 25)
show(accounts)

carol.freeze()
try_transfer(bob, carol, 10)
show(accounts)

print("total:", sum(a.balance for a in accounts))
for account in accounts:
    print(account.owner, account.ledger)
