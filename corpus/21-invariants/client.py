stocks = [Stock("lamp", 5), Stock("shade", 3), Stock("bulb", 20)]
orders = [
    Order(1, {"lamp": 2, "bulb": 4}, stocks),
    Order(2, {"lamp": 2, "shade": 2}, stocks),
    Order(3, {"bulb": 1, "shade": 2, "lamp": 2}, stocks),
    Order(4, {"bulb": 30}, stocks),
]

for order in orders:
    try:
        print("order", order.order_id, order.confirm())
    except ValueError as error:
        print("order", order.order_id, "rejected:", error)

print("ship 1:", orders[0].ship())
print("cancel 2:", orders[1].cancel())
print("retry 3:", orders[2].confirm())
try:
    orders[3].ship()
except RuntimeError as error:
    print("ship 4:", error)
print("cancel 4:", orders[3].cancel())

for stock in stocks:
    print(stock.sku, "on hand", stock.on_hand, "reserved", stock.reserved)
print("states:", [order.state for order in orders])
