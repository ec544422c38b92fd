hall = Room("hall")
kitchen = Room("kitchen")
attic = Room("attic")
for room in [kitchen, hall, attic]:
    hall.connect(room)

print("trail seen by hall:", hall.broadcast("hello"))
for room in [hall, kitchen, attic]:
    print(room.name, "inbox:", room.inbox)

account = Savings("mo", 1000, 5)
print("after 3 years:", account.grow(3))
print("charged:", account.charge_fees([100, 5000, 20]))
print(account.summary())
history = account.snapshot()
history.append(-1)
print("history:", account.history)
