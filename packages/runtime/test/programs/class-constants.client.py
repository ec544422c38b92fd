b = Box("b")
print(b.limits())
