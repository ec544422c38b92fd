catalog = Catalog("main")
for sku, price, category in [("tea", 40, "drink"), ("mug", 90, "kitchen"),
                             ("coffee", 75, "drink"), ("kettle", 300, "kitchen")]:
    catalog.add(Product(sku, price, category))

cart = Cart("kim")
print("add tea:", cart.add(catalog.lookup("tea")))
print("add cocoa:", cart.add(catalog.lookup("cocoa")))
print("add kitchen:", cart.add_all(catalog.in_category("kitchen")))
print("items:", [product.sku for product in cart.items()])
print("total:", cart.total())

drinks = catalog.in_category("drink")
coupon = Coupon("DRINK20", 20, drinks)
cart.apply(coupon)
print("total with coupon:", cart.total())
print("coupon covers:", [product.sku for product in coupon.applies_to])

print("featured before:", catalog.feature(catalog.lookup("kettle")))
print("featured before:", catalog.feature(None))
print("featured before:", catalog.feature(drinks[1]))
if catalog.featured is not None:
    print("featured now:", catalog.featured.sku)

print("remove mug:", cart.remove("mug"), "remove mug again:", cart.remove("mug"))
other = Cart("lou")
print("moved:", cart.hand_over(other))
print("kim total:", cart.total(), "lou total:", other.total())
print("lou items:", [product.sku for product in other.items()])
