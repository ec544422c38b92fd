// Unit tests of semantics that are easy to get wrong. Expected values are
// what CPython 3.11 prints for the same code.

import { describe, expect, it } from 'vitest';

import { runSnippet } from '../src/index.ts';

function lines(source: string): string[] {
  const r = runSnippet(source);
  if (r.error !== null) throw new Error(`unexpected error: ${r.error}`);
  return r.output;
}

function error(source: string): string | null {
  return runSnippet(source).error;
}

describe('float repr', () => {
  it('shortest round-trip digits', () => {
    expect(lines('print(0.1 + 0.2, 1/3, 2.5, 100.0, 1e22, 5e-324)')).toEqual(['0.30000000000000004 0.3333333333333333 2.5 100.0 1e+22 5e-324']);
  });
  it('exponent switch points', () => {
    expect(lines('print(1e16, 1e15, 0.0001, 0.00001, 123456789012345678.0)')).toEqual(['1e+16 1000000000000000.0 0.0001 1e-05 1.2345678901234568e+17']);
  });
  it('special values', () => {
    expect(lines('print(-0.0, float("inf"), -float("inf"), float("nan"), repr(-0.0))')).toEqual(['-0.0 inf -inf nan -0.0']);
  });
});

describe('round', () => {
  it('uses banker\'s rounding for halves', () => {
    expect(lines('print(round(0.5), round(1.5), round(2.5), round(-2.5), round(3.5))')).toEqual(['0 2 2 -2 4']);
  });
  it('rounds the exact binary value to n digits', () => {
    expect(lines('print(round(2.675, 2), round(0.125, 2), round(0.375, 2), round(1.005, 2), round(2.5, 0))')).toEqual(['2.67 0.12 0.38 1.0 2.0']);
  });
  it('rounds ints to negative digits', () => {
    expect(lines('print(round(1250, -2), round(1350, -2), round(-1250, -2), round(15, -1), type(round(2.5)).__name__)')).toEqual(['1200 1400 -1200 20 int']);
  });
});

describe('floor division and modulo', () => {
  it('take the sign of the divisor for ints', () => {
    expect(lines('print(-7 // 2, -7 % 2, 7 // -2, 7 % -2, -7 // -2, -7 % -2)')).toEqual(['-4 1 -4 -1 3 -1']);
  });
  it('take the sign of the divisor for floats', () => {
    expect(lines('print(-7.5 // 2, -7.5 % 2, 7.5 % -2, -0.0 % 5, 0.0 // -1, divmod(-7, 2), divmod(7.5, -2))')).toEqual(['-4.0 0.5 -0.5 0.0 -0.0 (-4, 1) (-4.0, -0.5)']);
  });
  it('raise ZeroDivisionError with CPython messages', () => {
    expect(error('1 // 0')).toBe('ZeroDivisionError: integer division or modulo by zero');
    expect(error('1 % 0')).toBe('ZeroDivisionError: integer modulo by zero');
    expect(error('1 / 0')).toBe('ZeroDivisionError: division by zero');
    expect(error('1.0 // 0')).toBe('ZeroDivisionError: float floor division by zero');
    expect(error('1.0 % 0')).toBe('ZeroDivisionError: float modulo');
  });
});

describe('string repr', () => {
  it('chooses quotes like CPython', () => {
    expect(lines(`print(repr("it's"), repr('say "hi"'), repr("both ' and \\""), repr('plain'))`)).toEqual([`"it's" 'say "hi"' 'both \\' and "' 'plain'`]);
  });
  it('escapes control characters and keeps printable unicode', () => {
    expect(lines(`print(repr("a\\nb\\tc\\x00\\u00e9\\u200b"))`)).toEqual([`'a\\nb\\tc\\x00é\\u200b'`]);
  });
  it('prints nested containers with repr of items', () => {
    expect(lines(`print(['a', ("b",), {'k': None}], str(('x', 1.0)))`)).toEqual([`['a', ('b',), {'k': None}] ('x', 1.0)`]);
  });
});

describe('format specs', () => {
  it('fill, align, sign, width, grouping, precision', () => {
    expect(lines(`print(f"{42:*^9}|{-3.14159:+.2f}|{1234567.891:,.2f}|{1234567:_}|{255:#x}|{255:08b}|{0.256:.1%}|{'ab':>5}|")`)).toEqual(['***42****|-3.14|1,234,567.89|1_234_567|0xff|11111111|25.6%|   ab|']);
  });
  it('general and exponent formats', () => {
    expect(lines(`print(format(1234.5678, '.3g'), format(0.00001234, 'g'), format(1e16, 'g'), format(12.0, '.3'), format(100.0, '.3'), format(3.0, 'e'))`)).toEqual(['1.23e+03 1.234e-05 1e+16 12.0 1e+02 3.000000e+00']);
  });
  it('round half-even on the exact value', () => {
    expect(lines(`print(f"{0.125:.2f} {0.375:.2f} {2.5:.0f} {1.5:.0f} {2.675:.2f}")`)).toEqual(['0.12 0.38 2 2 2.67']);
  });
  it('percent formatting and str.format', () => {
    expect(lines(`print("%5.1f|%-4d|%s|%r|%x|%05d" % (2.25, 7, "s", "r", 255, -42), "{0}-{1!r}-{name:>4}".format(1, "a", name="n"))`)).toEqual([`  2.2|7   |s|'r'|ff|-0042 1-'a'-   n`]);
  });
  it('zero padding with grouping', () => {
    expect(lines(`print(format(1234, '08,'), format(1234, '010,'), format(-5, '05'))`)).toEqual(['0,001,234 00,001,234 -0005']);
  });
});

describe('dict keys', () => {
  it('1, 1.0 and True are one key', () => {
    expect(lines(`d = {1: 'a'}\nd[1.0] = 'b'\nd[True] = 'c'\nprint(d, len(d), {0: 'x', False: 'y', 0.0: 'z'})`)).toEqual([`{1: 'c'} 1 {0: 'z'}`]);
  });
  it('tuples hash by value', () => {
    expect(lines(`d = {(1, 'a'): 1}\nprint(d[(1.0, 'a')], (1, 2) in {(1, 2): 0}, hash((1, 2)) == hash((1.0, 2)))`)).toEqual(['1 True True']);
  });
  it('unhashable keys raise TypeError', () => {
    expect(error('d = {[1]: 2}')).toBe("TypeError: unhashable type: 'list'");
  });
  it('missing key raises KeyError with its repr', () => {
    expect(error(`d = {}\nd['k']`)).toBe("KeyError: 'k'");
  });
});

describe('sorting', () => {
  it('is stable, also with reverse', () => {
    expect(lines(`pairs = [(1, 'b'), (0, 'a'), (1, 'a'), (0, 'b')]\nprint(sorted(pairs, key=lambda p: p[0]))\nprint(sorted(pairs, key=lambda p: p[0], reverse=True))`)).toEqual([
      "[(0, 'a'), (0, 'b'), (1, 'b'), (1, 'a')]",
      "[(1, 'b'), (1, 'a'), (0, 'a'), (0, 'b')]",
    ]);
  });
  it('rejects mixed types like CPython', () => {
    expect(error('sorted([1, "a"])')).toBe("TypeError: '<' not supported between instances of 'str' and 'int'");
  });
});

describe('big ints', () => {
  it('arbitrary precision arithmetic', () => {
    expect(lines('print(2 ** 100, -(2 ** 70) // 3, (2 ** 64) % 1000, 10 ** 20 * 10 ** 20, 2 ** 100 > 1e30, 2 ** 53 + 1)')).toEqual([
      '1267650600228229401496703205376 -393530540239137101142 616 10000000000000000000000000000000000000000 True 9007199254740993',
    ]);
  });
  it('true division of big ints is correctly rounded', () => {
    expect(lines('print(10 ** 30 / 3, (2 ** 80 + 1) / 2 ** 40, 1 / 10 ** 400)')).toEqual(['3.333333333333333e+29 1099511627776.0 0.0']);
  });
  it('bool is an int', () => {
    expect(lines('print(True + 1, True * 3, isinstance(True, int), -True, True & 3)')).toEqual(['2 3 True -1 1']);
  });
  it('limits int to str conversion like CPython 3.11', () => {
    expect(error('str(10 ** 5000)')).toBe('ValueError: Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit');
  });
});

describe('sets', () => {
  it('iterate in CPython order', () => {
    expect(lines(`print({3, 1, 2}, {10, 2, 18, 5}, set([100, 3, 7]), {-1, -2, 5}, {"b", "a", "c"})`)).toEqual([
      "{1, 2, 3} {2, 18, 10, 5} {3, 100, 7} {5, -1, -2} {'c', 'a', 'b'}",
    ]);
  });
  it('reuse deleted slots like CPython', () => {
    expect(lines('s = set()\ns.add(1)\ns.add(9)\ns.discard(1)\ns.add(17)\nprint(s)\nprint(s.pop(), s)')).toEqual(['{17, 9}', '17 {9}']);
    expect(lines('s = set()\ns.add(1)\ns.add(9)\ns.discard(1)\ns.add(17)\nprint(s, s.pop(), s)')).toEqual(['{9} 17 {9}']);
  });
});

describe('sequences', () => {
  it('slices with steps, assignment and deletion', () => {
    expect(lines('a = list(range(10))\nprint(a[::3], a[::-2], a[7:2:-2], a[-3:])\na[1:3] = ["x"]\ndel a[::4]\nprint(a)')).toEqual([
      '[0, 3, 6, 9] [9, 7, 5, 3, 1] [7, 5, 3] [7, 8, 9]',
      "['x', 3, 4, 6, 7, 8]",
    ]);
  });
  it('starred unpacking and augmented assignment in place', () => {
    expect(lines('a, *b, c = range(5)\nl = [1]\nm = l\nm += [2]\nt = (1,)\nu = t\nu += (2,)\nprint(a, b, c, l, t, u)')).toEqual(['0 [1, 2, 3] 4 [1, 2] (1,) (1, 2)']);
  });
  it('strings index by code point', () => {
    expect(lines(`s = "a😀b"\nprint(len(s), s[1], s[::-1], s.find("b"))`)).toEqual(['3 😀 b😀a 2']);
  });
  it('title and capitalize use Unicode titlecase', () => {
    expect(lines(`print("ǆa".title(), "ǆa".capitalize(), "ß x".title(), "ﬁx".title(), "აბ".title(), "ǳ's".title())`)).toEqual(["ǅa ǅa Ss X Fix აბ ǲ'S"]);
  });
  it('final sigma and istitle like CPython', () => {
    expect(lines(`print("ΑΣ ΣΑΣ".title(), "ΑΣ".capitalize(), "ǅ".istitle(), "Ab Cd".istitle(), "AB".istitle(), "1".istitle())`)).toEqual(['Ας Σας Ας True True False False']);
  });
  it('chained comparisons and and/or return operands', () => {
    expect(lines('print(1 < 2 < 3, 3 > 2 > 2, 0 or "x", "" and 1, None or [] or 0)')).toEqual(['True False x  0']);
  });
});

describe('error messages', () => {
  it('match CPython 3.11', () => {
    expect(error('1 + "a"')).toBe("TypeError: unsupported operand type(s) for +: 'int' and 'str'");
    expect(error('None[0]')).toBe("TypeError: 'NoneType' object is not subscriptable");
    expect(error('[][0]')).toBe('IndexError: list index out of range');
    expect(error('1 < "a"')).toBe("TypeError: '<' not supported between instances of 'int' and 'str'");
    expect(error('x')).toBe("NameError: name 'x' is not defined");
    expect(error('def f():\n    y = y + 1\nf()')).toBe("UnboundLocalError: cannot access local variable 'y' where it is not associated with a value");
    expect(error('def f(a, b): pass\nf(1)')).toBe("TypeError: f() missing 1 required positional argument: 'b'");
    expect(error('int("x")')).toBe("ValueError: invalid literal for int() with base 10: 'x'");
    expect(error('(1).foo')).toBe("AttributeError: 'int' object has no attribute 'foo'");
  });
});

describe('classes and exceptions', () => {
  it('user exceptions, super() and str of exceptions', () => {
    expect(lines(`class AppError(Exception):\n    def __init__(self, code, msg):\n        super().__init__(msg)\n        self.code = code\ntry:\n    raise AppError(7, "bad")\nexcept Exception as e:\n    print(type(e).__name__, e.code, str(e), repr(e), e.args)`)).toEqual([
      "AppError 7 bad AppError('bad') ('bad',)",
    ]);
  });
  it('try, finally and else ordering', () => {
    expect(lines(`def f():\n    try:\n        return 1\n    finally:\n        print("finally")\ntry:\n    pass\nexcept Exception:\n    print("no")\nelse:\n    print("else")\nprint(f())`)).toEqual(['else', 'finally', '1']);
  });
  it('closures see the latest binding', () => {
    expect(lines(`def outer():\n    n = 1\n    def get():\n        return n\n    n = 2\n    return get\nfs = [lambda: i for i in range(3)]\nprint(outer()(), [f() for f in fs])`)).toEqual(['2 [2, 2, 2]']);
  });
});
