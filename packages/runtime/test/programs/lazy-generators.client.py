probes = [Probe(n, v) for n, v in [("a", 0), ("b", 3), ("c", 5), ("d", 0)]]
print(any(p.check() > 1 for p in probes))
print(all(p.check() > 1 for p in probes))
for value in (p.check() * 10 for p in probes if p.name != "c"):
    print("got", value)
gen = (p.check() for p in probes)
print(next(gen), "then", next(gen))
print(sum(p.check() for p in probes[2:]))
print(sorted((p.name, p.value) for p in probes))
print(list(zip("xy", (p.check() for p in probes))))
try:
    (x for x in 5)
except TypeError as error:
    print(error)
print([x * y for x in (p.check() for p in probes[:2]) for y in (1, 2)])
for i, v in enumerate((p.check() for p in probes[:2]), 1):
    print("item", i, v)
print(list(enumerate(p.check() for p in probes[3:])))
