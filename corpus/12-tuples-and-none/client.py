left = Shelf(1, 4, 6)
right = Shelf(2, 3, 3)
audit = Stocktake("audit", [left, right])

print(left.place("glue", 0, 2))
row, column = left.place("tape", 3, 5)
print("tape at", row, column)
right.place("rope", 1, 1)
right.place("wire", 2, 0)

print("glue:", left.locate("glue"), "nails:", left.locate("nails"))
(top, leftmost), (bottom, rightmost) = left.extent()
print("extent:", top, leftmost, bottom, rightmost)

print("move tape:", left.move("tape", 2, 2))
print("move tape again:", left.move("tape", 2, 2))
print("last moved:", left.last_moved)
print("clear returns:", right.clear())
print("right names:", right.names())
right.place("rope", 1, 1)

first, *rest = left.names()
print("first:", first, "rest:", rest)
a, b = left.swap("glue", "tape")
print("swapped", a, b, "->", left.locate("glue"), left.locate("tape"))

print("where rope:", audit.where("rope"))
print("where wire:", audit.where("wire"))
print("counts:", audit.counts(), type(audit.counts()).__name__)
result = audit.where("glue")
if result is not None:
    shelf_id, _, column = result
    print("glue on shelf", shelf_id, "column", column)
print("empty tuple:", (), "one:", (1,), "nested:", ((1, 2), [3, (4,)]))
