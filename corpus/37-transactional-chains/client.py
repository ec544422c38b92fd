c = Stage("c", 100, None)
b = Stage("b", 60, c)
a = Stage("a", 30, b)
d = Stage("d", 50, None)


def dump():
    for s in [a, b, c, d]:
        print(" ", s.name, s.load, s.log, s.tags)


print(a.push_atomic(5))
try:
    a.push_atomic(21)
except Rejected as error:
    print("rejected:", error)
dump()
print(a.push_tolerant(45))
dump()
try:
    d.push_then_fail(1)
except KeyError as error:
    print("key error", error, repr(error), error.args)
try:
    Stage("tmp1", 1, None)
    print("tmp1 was rolled back")
except ValueError as error:
    print(error)
dump()
print(b.plain_then_atomic(50))
dump()
try:
    a.swap_next(c)
except Rejected as error:
    print("swap failed:", error)
print(a.next_stage.name, a.tags)
try:
    b.push(100)
except Rejected as error:
    print("non-transactional failure:", error)
dump()
