geo = Geo("sf")
rate = Rate("rates")
frontend = Search("frontend", geo, rate)

hotels = [
    ("h1", "Cliff House", "San Francisco", 4, 37.778, -122.513, 2),
    ("h2", "Mission Inn", "San Francisco", 3, 37.760, -122.419, 1),
    ("h3", "Bay Lodge", "Oakland", 2, 37.804, -122.271, 3),
    ("h4", "Nob Hill Grand", "San Francisco", 5, 37.793, -122.416, 2),
    ("h5", "Presidio Rooms", "San Francisco", 3, 37.798, -122.466, 1),
]
for hotel_id, name, city, stars, lat, lon, capacity in hotels:
    profile = frontend.register_hotel(hotel_id, name, city, stars, lat, lon, capacity)
    print("registered", profile.describe())

plans = [("h1", "RACK", 189.0), ("h1", "AAA", 171.5), ("h2", "RACK", 129.99),
         ("h3", "RACK", 99.0), ("h4", "RACK", 349.0), ("h4", "GOV", 279.95), ("h5", "RACK", 145.25)]
for hotel_id, code, nightly in plans:
    rate.add_plan(hotel_id, code, nightly)

ann = User("ann", "s3cret")
ben = User("ben", "hunter2")

print("search 1:")
for line in frontend.search(37.79, -122.42, 10, 13):
    print("  " + line)

print("ann books", frontend.reserve(ann, "s3cret", "h2", 10, 13))
print("ben books", frontend.reserve(ben, "hunter2", "h4", 11, 12, rooms=2))

try:
    frontend.reserve(ben, "hunter2", "h2", 12, 14)
except ValueError as error:
    print("rejected:", error)

try:
    frontend.reserve(ann, "wrong", "h1", 1, 2)
except PermissionError as error:
    print("rejected:", error)

try:
    frontend.reserve(ann, "s3cret", "h9", 1, 2)
except KeyError as error:
    print("rejected:", error)

print("search 2:")
for line in frontend.search(37.79, -122.42, 10, 13):
    print("  " + line)

print("best by stars:", frontend.recommend("stars"))
print("cheapest:", frontend.recommend("price"))
print("unknown criterion:", frontend.recommend("view"))
print("ann bookings:", ann.bookings, "ben bookings:", ben.bookings)
