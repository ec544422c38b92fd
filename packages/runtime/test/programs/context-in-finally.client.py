try:
    try:
        raise KeyError(1)
    finally:
        raise ValueError(2)
except ValueError as e:
    print(repr(e.__context__))
try:
    try:
        raise KeyError(1)
    finally:
        try:
            raise TypeError(3)
        except TypeError as t:
            print(repr(t.__context__))
except KeyError as k:
    print(repr(k))
try:
    raise KeyError("outer")
except KeyError:
    try:
        1 / 0
    except ZeroDivisionError as z:
        print(repr(z.__context__))
try:
    try:
        raise KeyError(6)
    finally:
        raise
except KeyError as k:
    print(repr(k), repr(k.__context__))
b = Box("b")
print(b.context_inside())
