from typing import Dict, List, Optional

from stateflow import entity

TRANSITIONS = {
    "created": ["paid", "cancelled"],
    "paid": ["packed", "refunded"],
    "packed": ["shipped"],
    "shipped": ["delivered"],
}


def allowed(status: str) -> List[str]:
    return TRANSITIONS.get(status, [])


@entity
class Payment:
    def __init__(self, provider: str):
        self.provider: str = provider
        self.captured: Dict[str, int] = {}
        self.refunded: List[str] = []

    def __key__(self):
        return self.provider

    def capture(self, order_id: str, amount: int) -> str:
        assert amount > 0, f"amount must be positive for {order_id}"
        self.captured[order_id] = amount
        return f"captured {amount} for {order_id}"

    def refund(self, order_id: str) -> int:
        amount = self.captured.pop(order_id)
        self.refunded.append(order_id)
        return amount


@entity
class Shipment:
    def __init__(self, order_id: str, address: str):
        self.order_id: str = order_id
        self.address: str = address
        self.scans: List[str] = []

    def __key__(self):
        return "ship-" + self.order_id

    def scan(self, place: str) -> int:
        self.scans.append(place)
        return len(self.scans)


@entity
class Order:
    def __init__(self, order_id: str, amount: int, payment: Payment):
        self.order_id: str = order_id
        self.amount: int = amount
        self.payment: Payment = payment
        self.status: str = "created"
        self.shipment: Optional[Shipment] = None
        self.trail: List[str] = ["created"]
        self.scratch: Dict[str, str] = {}

    def __key__(self):
        return self.order_id

    def move(self, status: str) -> None:
        assert status in allowed(self.status), f"{self.order_id}: {self.status} -> {status} is not allowed"
        self.status = status
        self.trail.append(status)

    def pay(self) -> str:
        self.move("paid")
        return self.payment.capture(self.order_id, self.amount)

    def pack(self, address: str) -> str:
        self.scratch["address"] = address.strip().title()
        self.move("packed")
        self.shipment = Shipment(self.order_id, self.scratch["address"])
        del self.scratch["address"]
        return self.status

    def ship(self, hubs: List[str]) -> int:
        self.move("shipped")
        scans = 0
        if self.shipment is not None:
            for hub in hubs[:3]:
                scans = self.shipment.scan(hub)
        return scans

    def deliver(self) -> str:
        self.move("delivered")
        return " -> ".join(self.trail)

    def refund(self) -> int:
        self.move("refunded")
        return self.payment.refund(self.order_id)
