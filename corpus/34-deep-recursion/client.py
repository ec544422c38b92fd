cells = [Cell(i, i * 3 % 7) for i in range(200)]
for i in range(199):
    cells[i].attach(cells[i + 1])
head = cells[0]
print("total", head.total())
print("depth", head.depth_sum(0))
print("find", head.find(5), head.find(0))
try:
    head.find(99)
except LookupError as error:
    print("lookup", error)
print("bumped", head.bump_all(2))
try:
    head.bump_checked(10, 150)
except ValueError as error:
    print("rolled back:", error)
print("after rollback", cells[0].value, cells[149].value, cells[150].value, cells[199].value)
print("checked", head.bump_checked(1, -1))
acc = [100]
print("collect len", len(cells[190].collect(acc)), acc)
print("ping", cells[5].ping(cells[5], 50), cells[5].ping(cells[6], 7))
c = Counter("c")
d = Counter("d")
print("fact", c.fact(30))
print("fib", c.fib_via(c, 12))
print("countdown", c.countdown(d, 201))
print(c.calls, d.calls, sum(cell.visits for cell in cells))
