from typing import List

from stateflow import entity


@entity
class Lab:
    def __init__(self, name: str):
        self.name: str = name
        self.results: List[str] = []

    def __key__(self):
        return self.name

    def numbers(self) -> List[str]:
        out = []
        out.append(repr([1e16, 1e15, 123456789.0, 0.1 + 0.2, 1/3, -0.0, 2.5e-5, 1e-4, 1e22, 1.5e300 * 1e10]))
        out.append(repr([round(2.5), round(3.5), round(-2.5), round(2.675, 2), round(1234.5678, -2), round(7, -1), round(0.5), round(-0.5)]))
        out.append(repr([-7 // 2, -7 % 2, 7 // -2, 7 % -2, -7.5 // 2, -7.5 % 2, 7 % -2.5, divmod(-17, 5), divmod(17.0, -5)]))
        out.append(repr([2 ** 100, -(2 ** 64) // 3, (2 ** 64) % -7, 10 ** 20 // 7, pow(3, 100, 1000), pow(2, -1), 2 ** -2, (-8) ** 2]))
        out.append(repr([int("  42 "), int("-0x1f", 16), int("0b101", 0), float("1e3"), float(" -inf "), int(-3.9), int(3.9), abs(-0.0)]))
        out.append(repr([1 == 1.0, True + True, 3 * True, 0.1 * 3 == 0.3, 2 ** 53 + 1 == float(2 ** 53 + 1), hash(1) == hash(1.0)]))
        out.append(repr([5 / 2, 4 / 2, 10 ** 16 / 1, 2 ** 0.5, 1e308 * 10, -1e308 * 10, float("nan") == float("nan")]))
        out.append(str(1e16) + " " + str(12345678901234567.0) + " " + str(0.000001) + " " + str(0.0000001) + " " + str(100.0))
        out.append(repr((1, )) + repr(()) + repr((1, 2)) + repr([(), [()]]))
        out.append(repr(max(2, 3.0)) + " " + repr(min([3, 1.0, 1])) + " " + repr(sum([0.1] * 10)) + " " + repr(sum([1, 2], 0.5)))
        out.append(repr([bin(-10), hex(255), oct(8), -13 >> 2, -13 << 3, ~5, 5 & -3, 5 | -3, 5 ^ -3]))
        return out

    def strings(self) -> List[str]:
        out = []
        out.append(repr(["it's", 'say "hi"', "both ' and \"", "tab\there", "nl\n", "back\\slash", "\x00\x7f", "é", "\u200b"]))
        out.append(repr(["a,b,,c".split(","), " a  b ".split(), "a b c".split(" ", 1), "abc".rsplit("b"), "x".join(["1", "2"]), "Hello World".swapcase()]))
        out.append(repr(["  pad ".strip(), "xxhixx".strip("x"), "hello".center(11, "*"), "7".zfill(3), "-7".zfill(4), "abc".ljust(5) + "|", "abc".rjust(5, "0")]))
        out.append(repr(["hello world".title(), "HeLLo".lower(), "hello".capitalize(), "a-b-c".replace("-", "+", 1), "banana".count("an"), "banana".find("z"), "banana".rfind("a"), "banana".index("n")]))
        out.append(repr(["abcdef"[::-1], "abcdef"[::-2], "abcdef"[-2:], "abcdef"[1:-1:2], "abcdef"[10:], "abcdef"[-100:2], [1, 2, 3, 4, 5][::-2], [1, 2, 3, 4, 5][3:0:-1], [1, 2, 3][-1:-4:-1]]))
        out.append("%s %r %d %5.2f %-5s| %05d %x %o %e %g %g %%" % ("s", "r", 42, 3.14159, "ab", -42, 255, 8, 12345.678, 0.00001234, 1e20))
        out.append("%(a)s and %(b)r" % {"a": 1, "b": "two"})
        out.append("{} {:>5} {:<5}| {:^7} {:+d} {:,} {:.2%} {:08.3f} {!r}".format("a", "b", "c", "mid", 5, 1234567, 0.4567, -3.14159, "q"))
        out.append(f"{12:b} {255:#x} {3.0:g} {1e-7:g} {2.5:.0f} {3.5:.0f} {1234.5:,.1f} {-0.0} {'x':*^9} {10**18:e}")
        out.append(repr(["abc" < "abd", "Z" < "a", [1, 2] < [1, 2, 0], (1, "a") < (1, "b"), "10" < "9", 1 < 2 < 3 > 2, 1 < 2 > 3 < 4]))
        out.append(repr(["x" * 3, [0] * 3, "ab" in "cabd", "A".isupper(), "3".isdigit(), "".isdigit(), " ".isspace(), "abc".startswith(("x", "a")), "abc".endswith("bc")]))
        out.append(str(["s", 1, None, True, 2.0, {"k": ("t",)}]))
        out.append(repr("%.3s|%5.1s|" % ("abcdef", "xyz")))
        out.append(repr(list(map(str, [1, 2])) + list(zip("ab", [1, 2, 3])) + list(enumerate("xy", 5)) + list(reversed(range(3)))))
        out.append(repr([ord("a"), chr(8364), ascii("é"), format(0.1, ".20f"), format(1e100, ".3g")]))
        return out

    def collections(self) -> List[str]:
        out = []
        d = {3: "c", 1: "a", 2: "b"}
        d[1] = "A"
        del d[3]
        d[3] = "C"
        out.append(repr(d) + repr(list(d)) + repr(list(d.items())))
        out.append(repr({5, 3, 1, 10, -2, 100, 64}) + repr({1, 2} | {9, 3}) + repr({1, 2, 3} & {2, 3, 4}) + repr({1, 2} ^ {2, 3}) + repr(set()))
        words = ["bb", "a", "ccc", "dd", "e", "fff"]
        out.append(repr(sorted(words, key=len)) + repr(sorted(words, key=len, reverse=True)) + repr(sorted(words, key=lambda w: -len(w))))
        pairs = [(2, "x"), (1, "y"), (2, "a"), (1, "b")]
        out.append(repr(sorted(pairs, key=lambda p: p[0])) + repr(sorted(pairs)) + repr(max(pairs, key=lambda p: p[0])) + repr(min(pairs, key=lambda p: p[0])))
        xs = [5, 1, 4]
        ys = xs
        ys.append(0)
        zs = xs[:]
        zs.append(9)
        xs.sort()
        out.append(repr([xs, ys, zs, xs is ys, xs == zs[:4], None is None, [] is []]))
        m = [[0] * 2] * 2
        m[0][0] = 1
        out.append(repr(m))
        out.append(repr({k: v for k, v in zip("abc", range(3)) if v != 1}) + repr(dict(a=1, b=2)) + repr(dict([(1, 2)])) + repr({**{"x": 1}, "y": 2, "x": 3}))
        out.append(repr([d.get(9), d.get(9, 0), d.setdefault(9, "n"), d.pop(9), d.pop(9, "gone"), len(d), 2 in d, "C" in d]))
        out.append(repr(frozenset([3, 1])) + repr(tuple([1])) + repr(list("abc")) + repr(sorted({3: 1, 1: 2})) + repr(any([])) + repr(all([])))
        out.append(repr([x for x in range(10, 0, -3)]) + repr(list(range(0, -5, -2))) + repr(range(3)) + repr(len(range(1, 10, 4))))
        return out
