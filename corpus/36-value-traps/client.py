lab = Lab("lab")
for line in lab.numbers():
    print(line)
for line in lab.strings():
    print(line)
for line in lab.collections():
    print(line)
