vault = Vault("main", "1234")
guard = Guard("gus", vault)
print(vault.deposit("gold"), vault.deposit("deeds"))
print("guard sees", guard.inspect("1234"), "items")
try:
    vault.open("0000")
except PermissionError as error:
    print("caught:", error)
print("about to fail")
guard.inspect("9999")
print("never printed")
