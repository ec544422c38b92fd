nodes = [Node("a", 1), Node("b", 20)]
group = Group("g", nodes)
print(group.via_untyped_return())
print(group.call_any(nodes[1]))
print(group.read_any(nodes[1]))
