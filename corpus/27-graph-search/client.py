names = ["ams", "ber", "cph", "dus", "ess", "fra", "oslo"]
cities = {name: City(name) for name in names}
roads = [("ams", "dus", 230), ("ams", "ber", 650), ("dus", "ess", 40), ("ess", "ber", 520),
         ("dus", "fra", 230), ("fra", "ber", 550), ("ber", "cph", 440), ("fra", "cph", 900)]
for first, second, distance in roads:
    cities[first].connect(cities[second], distance)
    cities[second].connect(cities[first], distance)

print("explore from ams:", cities["ams"].explore([]))
print("within 1 of ber:", cities["ber"].reachable_within(1))
print("within 2 of ams:", cities["ams"].reachable_within(2))

planner = Planner("route", cities)
print("ams -> cph:", planner.shortest("ams", "cph"))
print("ess -> fra:", planner.shortest("ess", "fra"))
print("ams -> oslo:", planner.shortest("ams", "oslo"))
print("walk:", planner.walk("ams", ["dus", "ess", "ber"]), planner.walk("ams", ["dus", "cph", "ber"]))
print("queries:", planner.queries, "oslo roads:", cities["oslo"].roads)
