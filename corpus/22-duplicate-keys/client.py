first = Member("Ana@Example.org", "Ana")
try:
    Member("ana@example.org", "Impostor")
except ValueError as error:
    print("ValueError:", error)
print("name kept:", first.name)

venue = Venue("hall")
print(venue.book(7, "ana"))
print(venue.book(7, "ben"))
print(venue.book(0, "cy"))
print(venue.book(8, "cy"))
try:
    Seat(8, "client")
except ValueError as error:
    print("ValueError:", error)

try:
    venue.book_block([10, 11, 8, 12], "dee")
except ValueError as error:
    print("block failed:", error)
print("seats after failed block:", sorted(venue.seats))
print("block of 3:", venue.book_block([10, 11, 12], "dee"))
print("holders:", [venue.holder_of(number) for number in [7, 8, 10, 12]])

retry = Seat(9, "eve")
print("seat 9 created by the client:", retry.holder)
print("venue books 9:", venue.book(9, "fay"))
for line in venue.log:
    print(" ", line)
