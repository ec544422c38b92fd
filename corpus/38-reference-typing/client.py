nodes = [Node("a", 5), Node("bb", 12), Node("ccc", 30)]
hub = Hub("hub", nodes)
print(hub.use_pair())
print(hub.via_helper())
print(hub.via_helper2(10), hub.via_helper2(100))
print(hub.dict_values())
print(hub.dict_items())
print(hub.dict_get("bb"), hub.dict_get("zz"))
print(hub.dict_sub("ccc"))
print(hub.varargs())
print(hub.kwargs())
print(hub.class_attr())
print(hub.ref_keys())
print(hub.isinst())
print(hub.call_best())


def client_total(ns):
    return sum(n.val() for n in ns)


get = lambda n: n.val() + 1
print(client_total(nodes), get(nodes[0]))
x, y = hub.pair()
print(x.val(), y.val(), x == nodes[0], y is nodes[2])
print(nodes[1].sum_of(*[1, 1]), nodes[2].opts(**{"q": 1}))
