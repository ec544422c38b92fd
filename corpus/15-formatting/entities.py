from typing import List, Tuple

from stateflow import entity


@entity
class Product:
    def __init__(self, code: str, title: str, unit_price: float):
        self.code: str = code
        self.title: str = title
        self.unit_price: float = unit_price

    def __key__(self):
        return self.code

    def label(self) -> str:
        return "%-8s %s" % (self.code.upper(), self.title.title())


@entity
class Invoice:
    def __init__(self, number: int, customer: str):
        self.number: int = number
        self.customer: str = customer
        self.lines: List[Tuple[str, int, float]] = []
        self.tax_percent: float = 8.5

    def __key__(self):
        return self.number

    def add(self, product: Product, quantity: int) -> str:
        self.lines.append((product.code, quantity, product.unit_price))
        return f"{product.label()} x{quantity}"

    def subtotal(self) -> float:
        return sum(quantity * price for _, quantity, price in self.lines)

    def render(self) -> List[str]:
        out = [f"INVOICE #{self.number:06d}".center(40, "="), f"Bill to: {self.customer!r}"]
        for code, quantity, price in self.lines:
            out.append(f"{code:<10}{quantity:>4} x {price:>8.2f} = {quantity * price:>10,.2f}")
        subtotal = self.subtotal()
        tax = subtotal * self.tax_percent / 100
        out.append("-" * 40)
        out.append("%-20s%20.2f" % ("Subtotal", subtotal))
        out.append("%-20s%19.1f%%" % ("Tax rate", self.tax_percent))
        out.append("%-20s%20.2f" % ("Tax", tax))
        out.append(f"{'Total':<20}{subtotal + tax:>20.2f}")
        return out

    def summary(self, currency: str = "EUR") -> str:
        return "{} owes {:.2f} {} on invoice {}".format(self.customer, self.subtotal(), currency, self.number)
