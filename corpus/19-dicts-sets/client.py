news = TagIndex("news")
print(news.tag("d1", ["python", "dataflow", "python"]))
print(news.tag("d2", ["dataflow", "actors"]))
print(news.tag("d3", ["python", "actors", "cloud"]))
print(news.tag("d4", ["cloud", "python"]))

print("python:", news.documents("python"), "none:", news.documents("cobol"))
print("both:", news.both("python", "actors"), "either:", news.either("dataflow", "cloud"))
print("only:", news.only_first("python", "dataflow"), "xor:", news.exactly_one("actors", "cloud"))
print("counts in insertion order:", news.counts)
print("popular:", news.popular(3))
print("top pair:", news.top_pair())
print("retired docs:", news.retire("dataflow"))
print("counts after retire:", news.counts)
news.tag("d5", ["dataflow"])
print("dataflow moves to the end:", list(news.counts))

blog = TagIndex("blog")
blog.tag("b1", ["cloud", "rust"])
merger = Merger("m")
print("merged keys:", merger.merge(news, blog))
print("combined:", merger.combined)

seen = {3, 1, 2}
seen |= {5}
seen.discard(1)
print(sorted(seen), 2 in seen, len(seen), sorted({x % 3 for x in range(10)}), {} == dict(), set() == set())
inventory = {"a": 1, "b": 2}
inventory.update(c=3)
print(inventory.get("z", 0), inventory.pop("a"), inventory, list(inventory.items()), "b" in inventory)
print({**inventory, "d": 4}, dict(zip(["x", "y"], [1, 2])), sorted(inventory.keys(), reverse=True))
