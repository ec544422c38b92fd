from typing import List, Tuple

from stateflow import entity, invariant


@entity
class Item:
    def __init__(self, item_name: str, price: int):
        self.item_name: str = item_name
        self.price: int = price
        self.stock: int = 0

    def __key__(self):
        return self.item_name

    def update_stock(self, amount: int) -> bool:
        if self.stock + amount < 0:
            return False
        self.stock += amount
        return True

    def set_price(self, price: int) -> None:
        self.price = price


@entity
class User:
    def __init__(self, username: str):
        self.username: str = username
        self.balance: int = 0
        self.purchases: List[Tuple[str, int, int]] = []
        self.favourite: List[Item] = []

    def __key__(self):
        return self.username

    def update_balance(self, amount: int) -> int:
        self.balance += amount
        return self.balance

    def buy_item(self, amount: int, item: Item) -> bool:
        total_price = amount * item.price
        if self.balance < total_price:
            return False

        is_taken = item.update_stock(-amount)
        if not is_taken:
            return False

        self.balance -= total_price
        self.purchases.append((item.item_name, amount, total_price))
        if item not in self.favourite:
            self.favourite.append(item)
        return True

    def spent(self) -> int:
        return sum(total for _, _, total in self.purchases)

    def history(self) -> List[str]:
        return [f"{amount} x {name} for {total}" for name, amount, total in self.purchases]


@invariant
def stock_never_negative(items: List[Item]) -> bool:
    return all(item.stock >= 0 for item in items)


@invariant
def balances_never_negative(users: List[User]) -> bool:
    return all(user.balance >= 0 for user in users)
