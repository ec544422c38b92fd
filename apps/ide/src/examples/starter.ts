// The program shown when the build found no corpus examples: small, but it
// exercises a remote call so the graph has something to show.
import type { Example } from './gallery.ts';

const ENTITIES = `from stateflow import entity


@entity
class Item:
    def __init__(self, name: str, price: int):
        self.name = name
        self.price = price
        self.stock = 0

    def __key__(self):
        return self.name

    def restock(self, amount: int) -> int:
        self.stock += amount
        return self.stock

    def take(self, amount: int) -> bool:
        if self.stock < amount:
            return False
        self.stock -= amount
        return True


@entity
class Cart:
    def __init__(self, user: str):
        self.user = user
        self.total = 0

    def __key__(self):
        return self.user

    def buy(self, item: Item, amount: int) -> bool:
        if item.take(amount):
            self.total += amount * item.price
            return True
        return False
`;

const CLIENT = `from entities import Item, Cart

apple = Item("apple", 3)
apple.restock(5)
cart = Cart("ada")
print(cart.buy(apple, 2))
print(cart.buy(apple, 9))
`;

export const STARTER_EXAMPLE: Example = {
  id: 'starter',
  title: 'Starter',
  note: 'A cart buying items: one remote call and one remote read.',
  files: { entities: ENTITIES, client: CLIENT },
  faults: null,
};
