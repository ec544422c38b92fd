from typing import Dict, List

from stateflow import entity, invariant, transactional


@entity
class Stock:
    def __init__(self, sku: str, on_hand: int):
        self.sku: str = sku
        self.on_hand: int = on_hand
        self.reserved: int = 0

    def __key__(self):
        return self.sku

    def reserve(self, quantity: int) -> int:
        if self.on_hand - self.reserved < quantity:
            raise ValueError(f"{self.sku}: only {self.on_hand - self.reserved} free, {quantity} requested")
        self.reserved += quantity
        return self.reserved

    def release(self, quantity: int) -> int:
        self.reserved -= quantity
        return self.reserved

    def ship(self, quantity: int) -> int:
        self.reserved -= quantity
        self.on_hand -= quantity
        return self.on_hand


@entity
class Order:
    def __init__(self, order_id: int, lines: Dict[str, int], stocks: List[Stock]):
        self.order_id: int = order_id
        self.lines: Dict[str, int] = lines
        self.stocks: List[Stock] = stocks
        self.state: str = "new"

    def __key__(self):
        return self.order_id

    def stock_for(self, sku: str) -> Stock:
        for stock in self.stocks:
            if stock.sku == sku:
                return stock
        raise KeyError(sku)

    @transactional
    def confirm(self) -> str:
        for sku, quantity in self.lines.items():
            self.stock_for(sku).reserve(quantity)
        self.state = "reserved"
        return self.state

    @transactional
    def cancel(self) -> str:
        if self.state == "reserved":
            for sku, quantity in self.lines.items():
                self.stock_for(sku).release(quantity)
        self.state = "cancelled"
        return self.state

    @transactional
    def ship(self) -> str:
        if self.state != "reserved":
            raise RuntimeError(f"order {self.order_id} is {self.state}, not reserved")
        for sku, quantity in self.lines.items():
            self.stock_for(sku).ship(quantity)
        self.state = "shipped"
        return self.state


@invariant
def stock_never_negative(stocks: List[Stock]) -> bool:
    return all(stock.on_hand >= 0 and stock.reserved >= 0 for stock in stocks)


@invariant
def reserved_within_stock(stocks: List[Stock]) -> bool:
    return all(stock.reserved <= stock.on_hand for stock in stocks)


@invariant
def reservations_match_orders(stocks: List[Stock], orders: List[Order]) -> bool:
    reserved: Dict[str, int] = {}
    for order in orders:
        if order.state == "reserved":
            for sku, quantity in order.lines.items():
                reserved[sku] = reserved.get(sku, 0) + quantity
    return all(stock.reserved == reserved.get(stock.sku, 0) for stock in stocks)
