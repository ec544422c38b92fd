from typing import Dict, List, Optional

from stateflow import entity


@entity
class Product:
    def __init__(self, sku: str, price: int, category: str):
        self.sku: str = sku
        self.price: int = price
        self.category: str = category

    def __key__(self):
        return self.sku

    def discounted(self, percent: int) -> int:
        return self.price * (100 - percent) // 100


@entity
class Catalog:
    def __init__(self, name: str):
        self.name: str = name
        self.products: Dict[str, Product] = {}
        self.featured: Optional[Product] = None

    def __key__(self):
        return self.name

    def add(self, product: Product) -> int:
        self.products[product.sku] = product
        return len(self.products)

    def lookup(self, sku: str) -> Optional[Product]:
        return self.products.get(sku)

    def in_category(self, category: str) -> List[Product]:
        found: List[Product] = []
        for sku in sorted(self.products):
            product: Product = self.products[sku]
            if product.category == category:
                found.append(product)
        return found

    def feature(self, product: Optional[Product]) -> str:
        previous = "nothing" if self.featured is None else self.featured.sku
        self.featured = product
        return previous


@entity
class Coupon:
    def __init__(self, code: str, percent: int, applies_to: List[Product]):
        self.code: str = code
        self.percent: int = percent
        self.applies_to: List[Product] = applies_to

    def __key__(self):
        return self.code

    def price_for(self, product: Product) -> int:
        if product in self.applies_to:
            return product.discounted(self.percent)
        return product.price


@entity
class Cart:
    def __init__(self, owner: str):
        self.owner: str = owner
        self.lines: List[Product] = []
        self.coupon: Optional[Coupon] = None

    def __key__(self):
        return self.owner

    def add(self, product: Optional[Product]) -> bool:
        if product is None:
            return False
        self.lines.append(product)
        return True

    def add_all(self, products: List[Product]) -> int:
        for product in products:
            self.lines.append(product)
        return len(self.lines)

    def apply(self, coupon: Coupon) -> None:
        self.coupon = coupon

    def remove(self, sku: str) -> bool:
        for index in range(len(self.lines)):
            product: Product = self.lines[index]
            if product.sku == sku:
                del self.lines[index]
                return True
        return False

    def items(self) -> List[Product]:
        return self.lines

    def total(self) -> int:
        total = 0
        for product in self.lines:
            if self.coupon is None:
                total += product.price
            else:
                total += self.coupon.price_for(product)
        return total

    def hand_over(self, other: "Cart") -> int:
        moved = other.add_all(self.lines)
        self.lines = []
        self.coupon = None
        return moved
