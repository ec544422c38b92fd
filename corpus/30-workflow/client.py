payments = Payment("paycorp")
orders = [Order(f"o{number}", number * 25, payments) for number in range(1, 5)]
events = 0


def step(order: Order, action: str) -> None:
    global events
    events += 1
    try:
        if action == "pay":
            result = order.pay()
        elif action == "pack":
            result = order.pack("  12 main street ")
        elif action == "ship":
            result = order.ship(["ams", "fra", "vie", "bud"])
        elif action == "deliver":
            result = order.deliver()
        else:
            result = order.refund()
        print(f"{order.order_id} {action}: {result}")
    except AssertionError as error:
        print(f"{order.order_id} {action} rejected: {error}")


plan = [(0, "pay"), (0, "pack"), (0, "ship"), (0, "deliver"), (1, "pack"), (1, "pay"),
        (1, "refund"), (1, "ship"), (2, "pay"), (2, "pack"), (3, "deliver")]
for index, action in plan:
    step(orders[index], action)

zero = Order("o0", 0, payments)
try:
    zero.pay()
except AssertionError as error:
    print("zero:", error, "| status stays", zero.status)
print("events:", events)
print("statuses:", [order.status for order in orders])
print("captured:", payments.captured, "refunded:", payments.refunded)
shipment = orders[0].shipment
if shipment is not None:
    print("scans:", shipment.scans, "address:", shipment.address)
print("allowed after paid:", allowed("paid"), "after delivered:", allowed("delivered"))
