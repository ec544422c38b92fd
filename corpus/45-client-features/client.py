accounts = [Account(f"acct{i}", i * 10) for i in range(5)]
total = 0


def add_all(amount):
    global total
    for a in accounts:
        total += a.deposit(amount)
    return total


def fib_balance(acct, n):
    if n < 2:
        return acct.get() + n
    return fib_balance(acct, n - 1) + fib_balance(acct, n - 2)


class Auditor:
    def __init__(self, targets):
        self.targets = targets
        self.seen = []

    def audit(self):
        for t in self.targets:
            self.seen.append(t.get())
        return sum(self.seen)

    def __repr__(self):
        return f"Auditor({len(self.targets)} targets, seen={self.seen})"


def gen_balances():
    return [a.get() for a in accounts]


print(add_all(1), total)
print(fib_balance(accounts[1], 8))
aud = Auditor(accounts[:3])
print(aud.audit(), aud)
print(list(gen_balances()))
print(sorted(accounts[i].get() for i in range(5))[::-1])
accounts[2].close()
results = []
for a in accounts:
    try:
        results.append(a.deposit(5))
    except Closed as error:
        results.append(f"closed {error}")
        continue
    finally:
        results.append("f")
    if a.get() > 40:
        break
else:
    results.append("no break")
print(results)
i = 0
while accounts[i].get() < 30:
    i += 1
else:
    print("stopped at", i)
x, *ys = accounts[0].items() + accounts[1].items()
print(x, ys)
balances = {a.name: a.get() for a in accounts if a.get() % 2 == 0}
print(balances)
try:
    try:
        accounts[2].deposit(1)
    finally:
        print("finally in client")
except Closed as error:
    print("outer handler", repr(error))
