shelf = Shelf("bolts", 5)
picker = Picker("p")
print(picker.pick(shelf, 3))
print(picker.pick(shelf, 4))
try:
    shelf.take(10)
except OutOfStock as error:
    print(error, error.item, error.missing, isinstance(error, StockError))
print(StockError("nuts", "unknown"))
