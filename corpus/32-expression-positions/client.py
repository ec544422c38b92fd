log = Log("log")
a = Node("a", 3, log)
b = Node("b", 5, log)
c = Node("c", 8, log)
a.link(b)
b.link(c)
c.link(a)
d = Driver("d", [a, b, c], log)


def show(label, value):
    print(f"{label}: {value!r}")
    print("  calls:", " ".join(log.flush()))


show("binops", d.binops())
show("nested", d.nested())
show("chain", d.chain())
for limit in [4, 6, 9, 2]:
    show(f"conditions {limit}", d.conditions(limit))
    show(f"short {limit}", d.short(limit))
show("comps", d.comps(6))
show("subscripts", d.subscripts())
show("fstrings", d.fstrings())
show("chained", d.chained())
show("unpack", d.unpack())
show("counters", d.counters())
show("counters again", d.counters())
show("whiles", d.whiles())
show("walrus", d.walrus())
show("assert_and_in", d.assert_and_in())
show("client", a.add(b.val(), c.val(), scale=a.val()) - c.get_next().get_next().val())
show("client f", f"{a.val():03d} {b.pair()} {[n.val() for n in [a, b, c] if n.ok(6)]}")
