apple = Item("apple", 3)
pear = Item("pear", 5)
alice = User("alice")
bob = User("bob")

print("restock:", apple.update_stock(10), pear.update_stock(4))
print("balances:", alice.update_balance(40), bob.update_balance(13))

print("alice buys 4 apples:", alice.buy_item(4, apple))
print("bob buys 3 pears:", bob.buy_item(3, pear))
print("bob buys 2 pears:", bob.buy_item(2, pear))
print("alice buys 9 apples:", alice.buy_item(9, apple))

pear.set_price(2)
print("bob buys 1 pear at the new price:", bob.buy_item(1, pear))
print("alice buys 2 more apples:", alice.buy_item(2, apple))

print("stock:", apple.stock, pear.stock)
for user in [alice, bob]:
    print(user.username, "has", user.balance, "left after spending", user.spent())
    for line in user.history():
        print("  " + line)
print("alice favourites:", len(alice.favourite))
