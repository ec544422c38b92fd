fulfiller = Fulfiller("east")
for sku, quantity in [("cable", 10), ("plug", 4), ("fuse", 6)]:
    fulfiller.stock(Bin(sku, quantity))
order = [("cable", 3), ("fuse", 2), ("plug", 5)]

print("start:", fulfiller.levels())
for style in ["plain", "compensating", "atomic"]:
    try:
        if style == "plain":
            fulfiller.fulfil("o-1", order)
        elif style == "compensating":
            fulfiller.fulfil_compensating("o-1", order)
        else:
            fulfiller.fulfil_atomically("o-1", order)
    except ValueError as error:
        print(f"{style} failed: {error}")
    print("  levels:", fulfiller.levels())

print("small order:", fulfiller.fulfil_atomically("o-2", [("cable", 1), ("plug", 4)]))
try:
    fulfiller.fulfil("o-3", [("fuse", 1), ("wire", 1)])
except KeyError as error:
    print("unknown sku:", error)
print("end:", fulfiller.levels())
print("completed:", fulfiller.completed, "attempts:", fulfiller.attempts)
