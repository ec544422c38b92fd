f = Factory("f")
g = Factory("g")
b1 = f.make("x")
print(f.make_twice("y"))
try:
    print(f.make_twice("x"))
except ValueError as error:
    print("make_twice x:", error)
try:
    Box("x", [], {})
except ValueError as error:
    print("client dup:", error)
print(f.mutate_copy(b1))
print(f.aliasing())
print(b1.items, b1.meta)
print(f.make_many("t", 3, False))
try:
    f.make_many("u", 4, True)
except RuntimeError as error:
    print("abort:", error)
try:
    Box("u0", [], {})
    print("u0 free again")
except ValueError as error:
    print("u0 still exists:", error)
print(f.read_remote())
print(f.same(b1), g.make("w").key)
print(f.make_int_key_dup())
print(f.make_int_key_dup())
local = [3, 4]
b9 = Box("z", local, {"l": local, "m": local})
local.append(5)
print(b9.items, b9.meta)
print(b9.push(6), local)
print(b9.key, b1.owner.name, b1.owner_name())
