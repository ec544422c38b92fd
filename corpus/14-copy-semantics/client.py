initial = ["pen"]
box = Box("red", initial)
initial.append("client-only")
print("box after client mutates its own list:", box.contents)

batch = ["ink", "paper"]
print("stored:", box.store(batch))
print("client batch after store:", batch)

contents = box.get_contents()
contents.append("client-added")
print("returned list mutated:", contents, "box:", box.contents)

read = box.contents
read.clear()
print("remote read mutated:", read, "box:", box.contents)

notes = box.get_notes()
notes["added"].append("forged")
notes["other"] = ["x"]
print("notes:", box.notes)

blue = Box("blue", [])
mover = Mover("max")
print("mover carried:", mover.move(box, blue))
print("red:", box.contents)
print("blue:", blue.contents)
print("mover state:", mover.carried)
print("peek:", mover.peek(blue), "blue after peek:", blue.contents)
