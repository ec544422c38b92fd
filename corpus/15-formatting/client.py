products = [
    Product("bolt-m4", "steel bolt m4", 0.125),
    Product("gear-12", "brass gear", 12.5),
    Product("belt", "drive belt, reinforced", 1049.99),
]
invoice = Invoice(4711, "Acme Ltd.")
for product, quantity in zip(products, [1200, 3, 2]):
    print(invoice.add(product, quantity))

for line in invoice.render():
    print(line)
print(invoice.summary())
print(invoice.summary(currency="USD"))

count = len(products)
ratio = 2 / 3
print(f"{count=} {ratio=:.4f} {count * 1000:,} {255:#x} {255:08b} {-3.5:+.1f} {0.000123:.2e}")
print("%d items, %5.1f%% done, %s, %r, %x, %o, %e" % (count, 42.25, None, "q", 255, 8, 12345.678))
print("%(name)s has %(n)03d" % {"name": "stock", "n": 7})
words = "  pack the   boxes  ".split()
print("|".join(words), "-".join(reversed(words)).upper(), " ".join(words).capitalize())
print("bolt-m4".replace("-", "_").zfill(10), "x".ljust(4, ".") + "|", "y".rjust(4) + "|")
print(repr("it's"), repr('say "hi"'), str(3.0), str(10 / 4), str(True), repr([1, "a", None]))
print(f"{'nested ' + f'{count:>3}'}", "%s" % ((1, 2),), "{0}{1}{0}".format("ab", "-"))
