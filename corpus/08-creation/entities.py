from typing import Dict, List, Optional, Tuple

from stateflow import entity


@entity
class Order:
    def __init__(self, order_id: str, customer: str, lines: List[Tuple[str, int, int]]):
        self.order_id: str = order_id
        self.customer: str = customer
        self.lines: List[Tuple[str, int, int]] = lines
        self.status: str = "open"
        self.ship_requests: int = 0

    def __key__(self):
        return self.order_id

    def total(self) -> int:
        return sum(quantity * unit_price for _, quantity, unit_price in self.lines)

    def ship(self) -> str:
        self.status = "shipped"
        self.ship_requests += 1
        return f"{self.order_id} shipped"


@entity
class Shipment:
    def __init__(self, shipment_id: str, order: Order):
        self.shipment_id: str = shipment_id
        self.order: Order = order
        # A remote call from inside a constructor. It runs even when the key
        # turns out to be taken, because the key is checked after __init__.
        self.label: str = order.ship()

    def __key__(self):
        return self.shipment_id


@entity
class Customer:
    def __init__(self, name: str):
        self.name: str = name
        self.orders: List[Order] = []
        self.next_number: int = 1

    def __key__(self):
        return self.name

    def place_order(self, lines: List[Tuple[str, int, int]]) -> Order:
        order_id = f"{self.name}-{self.next_number}"
        self.next_number += 1
        order = Order(order_id, self.name, lines)
        self.orders.append(order)
        return order

    def place_many(self, count: int, item: str, unit_price: int) -> List[str]:
        placed = []
        for quantity in range(1, count + 1):
            order = self.place_order([(item, quantity, unit_price)])
            placed.append(order.order_id)
        return placed

    def order_totals(self) -> List[int]:
        return [order.total() for order in self.orders]


@entity
class Depot:
    def __init__(self, name: str):
        self.name: str = name
        self.shipments: Dict[str, Shipment] = {}
        self.duplicates: int = 0

    def __key__(self):
        return self.name

    def dispatch(self, order: Order) -> str:
        shipment_id = "ship-" + order.order_id
        try:
            shipment = Shipment(shipment_id, order)
        except ValueError as error:
            self.duplicates += 1
            return f"not dispatched: {error}"
        self.shipments[shipment_id] = shipment
        return shipment.label

    def find(self, shipment_id: str) -> Optional[Shipment]:
        return self.shipments.get(shipment_id)
