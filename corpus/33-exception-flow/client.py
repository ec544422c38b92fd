bank = Bank("bank")
a = Account("a", 50)
b = Account("b", 100)
c = Account("c", 0)

print(bank.transfer(a, b, 20))
print(bank.transfer(a, b, 200))
print(bank.safe(a, b, 13))
print(bank.safe(a, b, -1))
print(bank.probe(a, 0), bank.probe(a, -1), bank.probe(c, 3))
print(bank.divide(a, 3), bank.divide(a, 0))
print(bank.in_loop([a, b, c, b], 5))
print(bank.in_loop([b, b], 5))
print(bank.return_in_finally_flow(b))
print(bank.nested_reraise(c))
print(bank.context_chain(b))
try:
    bank.raise_through(a)
except ValueError as error:
    print("client caught", repr(error))
try:
    a.withdraw(1000)
except LedgerError as error:
    print("client", type(error).__name__, error, error.missing, isinstance(error, Overdrawn))
try:
    bank.transfer(a, b, 13)
except RuntimeError as error:
    print("client runtime", error, "|", error.__cause__)
print(bank.events)
