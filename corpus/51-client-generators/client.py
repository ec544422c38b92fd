meters = [Meter("m1", 10), Meter("m2", 20), Meter("m3", 30)]


def readings(limit):
    for meter in meters:
        value = meter.read()
        if value > limit:
            return
        yield meter.name, value


print(meters[0].read())
print(list(readings(100)))
print(list(readings(21)))
stream = readings(1000)
print(next(stream))
print(meters[1].read())
print(list(stream))
