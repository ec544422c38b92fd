library = Library("city")
copies = [Copy("c1", "Dune"), Copy("c2", "Dune"), Copy("c3", "Emma"), Copy("c4", "Ulysses")]
for copy in copies:
    library.add_copy(copy)
ann = Member("ann")
ben = Member("ben", limit=1)
cas = Member("cas", 3)

print(library.borrow(ann, "Dune"))
print(library.borrow(ben, "Dune"))
print(library.borrow(cas, "Dune"))
print(library.borrow(ben, "Emma"))
print(library.borrow(cas, "Emma"))
print(library.borrow(ann, "Emma"))
print(library.borrow(ann, "Ulysses"))
for line in library.report():
    print(" ", line)

print(library.give_back(ann, "c1"))
print(library.give_back(ben, "c2"))
print(library.give_back(cas, "c3"))
try:
    library.give_back(cas, "c9")
except KeyError as error:
    print("KeyError:", error)
for line in library.report():
    print(" ", line)
for member in [ann, ben, cas]:
    print(member.name, member.borrowed)
print("loans:", {copy.barcode: copy.loans for copy in copies})
