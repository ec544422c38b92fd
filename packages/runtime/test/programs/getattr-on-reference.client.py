b = Box("b")
print(getattr(b, "name"), getattr(b, "v"), getattr(b, "missing", "default"))
print(hasattr(b, "name"), hasattr(b, "missing"), hasattr(b, "items"))
print(getattr(b, "items")())
bound = b.limits
print(bound(), b.LIMIT, getattr(b, "LIMIT"))
try:
    getattr(b, "missing")
except AttributeError as error:
    print("AttributeError", error)
