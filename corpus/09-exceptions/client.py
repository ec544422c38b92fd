warehouse = Warehouse("w1")
picker = Picker("pia", warehouse)
warehouse.receive("bolt", 10)
warehouse.receive("nut", 4)

print(picker.try_pick("bolt", 3))
print(picker.try_pick("nut", 9))
print(picker.try_pick("gear", 1))

try:
    picker.pick_or_raise("nut", 5)
except OutOfStock as error:
    print("client caught OutOfStock:", error)

try:
    picker.pick_or_raise("washer", 1)
except KeyError as error:
    print("client caught KeyError:", error)

try:
    print("picked", picker.pick_all({"bolt": 2, "nut": 50, "gear": 1}))
except KeyError as error:
    print("pick_all stopped on KeyError:", error)

warehouse.receive("bolt2", 0)
try:
    picker.pick_all({"bolt": 1, "nut": 50, "bolt2": -1})
except ValueError as error:
    print("pick_all stopped on ValueError:", error)

print("ratio:", picker.safe_ratio("bolt", "nut"))
print("ratio:", picker.safe_ratio("bolt", "bolt2"))

try:
    warehouse.audit()
except AssertionError as error:
    print("audit failed:", error)

try:
    warehouse.pick("bolt", 100)
except Exception as error:
    print(type(error).__name__, "is an Exception:", error)
finally:
    print("finally runs in the client too")

print("attempts:", picker.attempts)
print("failures:", picker.failures)
print("journal:", picker.journal)
print("stock:", warehouse.stock, "picks:", warehouse.picks)
