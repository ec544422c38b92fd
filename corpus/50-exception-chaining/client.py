reader = Reader("r", Parser("p"))
print(reader.read("plain", "12"))
for mode in ["plain", "strict", "quiet"]:
    print(reader.read(mode, "x1"))
print(reader.local())
for note in reader.notes:
    print(note)
try:
    Parser("q").parse("?")
except ParseError as error:
    print(type(error.__context__).__name__, error.__cause__)
