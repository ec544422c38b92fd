ana = Customer("ana")
leo = Customer("leo")
depot = Depot("north")

first = ana.place_order([("tea", 2, 4), ("cup", 1, 9)])
print("placed", first.order_id, "total", first.total())
print("ana places", ana.place_many(3, "jam", 5))
print("leo places", leo.place_many(2, "bread", 3))
print("ana totals:", ana.order_totals())
print("leo totals:", leo.order_totals())

print(depot.dispatch(first))
print(depot.dispatch(first))
print("status:", first.status, "ship requests:", first.ship_requests, "duplicates:", depot.duplicates)

shipment = depot.find("ship-ana-1")
if shipment is not None:
    print("label:", shipment.label)
print("missing:", depot.find("ship-zed-9"))

extra = Order("leo-3", "leo", [("milk", 1, 2)])
print("client-made order:", extra.order_id, extra.total())
try:
    leo.place_order([("milk", 6, 2)])
except ValueError as error:
    print("ValueError:", error)
print("leo next number:", leo.next_number, "orders:", len(leo.orders))
