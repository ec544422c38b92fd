# A YCSB-style workload: 50% reads, 25% updates, 15% read-modify-writes and
# 10% transfers, with 80% of requests on the 20 hottest of 100 records.
# Choices come from a linear congruential generator, so every run is the same.
RECORD_COUNT = 100
HOT_COUNT = 20
REQUEST_COUNT = 400

seed = 2024


def next_random(bound: int) -> int:
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return (seed >> 16) % bound


def pick_record() -> int:
    if next_random(100) < 80:
        return next_random(HOT_COUNT)
    return HOT_COUNT + next_random(RECORD_COUNT - HOT_COUNT)


records = [Record(record_id, 1000) for record_id in range(RECORD_COUNT)]
counts = {"read": 0, "update": 0, "rmw": 0, "transfer": 0, "rejected": 0}
read_checksum = 0

for request in range(REQUEST_COUNT):
    operation = next_random(100)
    record = records[pick_record()]
    if operation < 50:
        read_checksum = (read_checksum * 31 + record.read()) % 1000000007
        counts["read"] += 1
    elif operation < 75:
        record.update(next_random(2000))
        counts["update"] += 1
    elif operation < 90:
        current = record.read()
        record.update(current + next_random(50) - 25)
        counts["rmw"] += 1
    else:
        target = records[pick_record()]
        amount = next_random(1500)
        try:
            record.transfer(target, amount)
            counts["transfer"] += 1
        except ValueError as error:
            counts["rejected"] += 1
            if counts["rejected"] <= 3:
                print("rejected:", error)
    if (request + 1) % 100 == 0:
        print(f"after {request + 1} requests: checksum {read_checksum}")

print("operations:", counts)
values = [record.read() for record in records]
print("sum of values:", sum(values), "min:", min(values), "max:", max(values))
versions = [(record.version, record.record_id) for record in records]
versions.sort(key=lambda pair: (-pair[0], pair[1]))
print("most written:", versions[:5])
print("never written:", sum(1 for version, _ in versions if version == 0))
