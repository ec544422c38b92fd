h = Holder("h")
print("done")
