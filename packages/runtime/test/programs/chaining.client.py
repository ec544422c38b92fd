a = Src("a")
b = Src("b")
print(a.remote_in_handler(b))
print(a.stale(b))
print(a.nested_then_bare(b))
print(a.inner_context(b))
print(a.in_loop(b))
print(a.from_none(b))
try:
    try:
        raise KeyError("c")
    except KeyError:
        b.fail()
except ValueError as e:
    print(repr(e.__context__))
print(a.finally_after_handler(b))
print(a.bare_raise_in_finally(b))
