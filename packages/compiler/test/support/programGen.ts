// Random entity programs for property tests. Each program has a fixed pair
// of entities (`Peer` and `Main`) and a generated body for `Main.run`. The
// body puts remote calls, creations, remote reads and calls of split methods
// on self in every position the splitter handles. Every loop is bounded, so
// each program terminates, and the client script prints every result, so a
// run can be compared with CPython.

import fc from 'fast-check';

/** Where a generated statement sits. */
interface Place {
  /** Inside a loop, so `break` and `continue` are allowed. */
  isInLoop: boolean;
  /** Name of the variable of an enclosing `for` over `self.peers`, if any. */
  peerVariable: string | null;
  /** Nesting depth, also used to give loop counters distinct names. */
  depth: number;
}

const PRELUDE = `from typing import Dict, List, Optional

from stateflow import entity


class Oops(Exception):
    pass


@entity
class Peer:
    def __init__(self, name: str, value: int):
        self.name: str = name
        self.value: int = value
        self.log: List[int] = []

    def __key__(self):
        return self.name

    def get(self) -> int:
        return self.value

    def add(self, n: int) -> int:
        self.value += n
        self.log.append(n)
        return self.value

    def flag(self) -> bool:
        return self.value % 2 == 0

    def relay(self, main: "Main", n: int) -> int:
        return main.bump(n % 4) + self.value

    def boom(self, n: int) -> int:
        if n % 3 == 0:
            raise Oops(f"boom {n} at {self.name}")
        return n + 1


@entity
class Main:
    def __init__(self, name: str, peers: List[Peer]):
        self.name: str = name
        self.peers: List[Peer] = peers
        self.count: int = 0
        self.created: int = 0
        self.hist: Dict[str, int] = {"total": 0}

    def __key__(self):
        return self.name

    def bump(self, n: int) -> int:
        self.count += n
        self.hist["total"] += 1
        return self.count

    def helper(self, p: Peer, n: int) -> int:
        self.count += 1
        return p.add(n % 5) - n

    def make(self, n: int) -> int:
        self.created += 1
        return Peer(f"{self.name}-made-{self.created}", n).get()

    def run(self, p: Peer, q: Peer, n: int) -> int:
        x = n
        y = 1
`;

const CLIENT = `a = Peer("a", 3)
b = Peer("b", 4)
c = Peer("c", 7)
m = Main("m", [a, b, c])
for n in [0, 1, 2, 5]:
    try:
        print("run", n, m.run(a, b, n))
    except Exception as error:
        print("raised", type(error).__name__, error)
print("peers", a.get(), b.get(), c.get())
`;

function indent(lines: string[]): string[] {
  return lines.map((line) => `    ${line}`);
}

const cache = new Map<string, fc.Arbitrary<string>>();

/** Integer-valued expressions of at most `depth` nested levels. */
function intExpr(depth: number, place: Place): fc.Arbitrary<string> {
  const key = `int:${depth}:${place.peerVariable}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;

  const leaves: fc.Arbitrary<string>[] = [
    fc.constantFrom('n', 'x', 'y', 'self.count', '1', '2', '7'),
    fc.constantFrom('p.get()', 'q.get()', 'p.value', 'q.value', 'self.peers[0].get()', 'self.peers[-1].value'),
  ];
  if (place.peerVariable !== null) leaves.push(fc.constantFrom(`${place.peerVariable}.get()`, `${place.peerVariable}.value`));
  let result: fc.Arbitrary<string>;
  if (depth <= 0) {
    result = fc.oneof(...leaves);
  } else {
    const inner = intExpr(depth - 1, place);
    const condition = boolExpr(depth - 1, place);
    result = fc.oneof(
      { weight: 4, arbitrary: fc.oneof(...leaves) },
      { weight: 2, arbitrary: fc.tuple(inner, fc.constantFrom('+', '-'), inner).map(([a, op, b]) => `(${a} ${op} ${b})`) },
      { weight: 1, arbitrary: inner.map((a) => `(${a} * 2)`) },
      { weight: 2, arbitrary: inner.map((a) => `p.add(${a} % 4)`) },
      { weight: 1, arbitrary: inner.map((a) => `q.boom(${a})`) },
      { weight: 1, arbitrary: inner.map((a) => `self.helper(q, ${a})`) },
      { weight: 1, arbitrary: inner.map((a) => `p.relay(self, ${a})`) },
      { weight: 1, arbitrary: inner.map((a) => `self.make(${a} % 9)`) },
      { weight: 1, arbitrary: inner.map((a) => `Peer("t" + str(self.count) + "-" + str(${a}), 1).get()`) },
      { weight: 1, arbitrary: fc.tuple(inner, condition, inner).map(([a, c, b]) => `(${a} if ${c} else ${b})`) },
      { weight: 1, arbitrary: fc.constant('sum([z.get() for z in self.peers])') },
      { weight: 1, arbitrary: fc.constant('len([z for z in self.peers if z.flag()])') },
      { weight: 1, arbitrary: fc.tuple(inner, inner).map(([a, b]) => `max(${a}, ${b})`) },
      { weight: 1, arbitrary: fc.constant('sum(z.value for z in self.peers)') },
    );
  }
  cache.set(key, result);
  return result;
}

function boolExpr(depth: number, place: Place): fc.Arbitrary<string> {
  const key = `bool:${depth}:${place.peerVariable}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;

  const value = intExpr(Math.max(0, depth - 1), place);
  const leaves = fc.oneof(
    fc.constantFrom('p.flag()', 'q.flag()', 'x > y', 'n % 2 == 0', 'any(z.flag() for z in self.peers)', 'all(z.flag() for z in self.peers)'),
    fc.tuple(value, fc.constantFrom('<', '<=', '==', '!=', '>'), value).map(([a, op, b]) => `${a} ${op} ${b}`),
  );
  let result: fc.Arbitrary<string>;
  if (depth <= 0) {
    result = leaves;
  } else {
    const inner = boolExpr(depth - 1, place);
    result = fc.oneof(
      { weight: 3, arbitrary: leaves },
      { weight: 1, arbitrary: fc.tuple(inner, fc.constantFrom('and', 'or'), inner).map(([a, op, b]) => `(${a} ${op} ${b})`) },
      { weight: 1, arbitrary: inner.map((a) => `not ${a}`) },
      { weight: 1, arbitrary: fc.tuple(value, value, value).map(([a, b, c]) => `${a} < ${b} < ${c}`) },
    );
  }
  cache.set(key, result);
  return result;
}

function simpleStatement(place: Place): fc.Arbitrary<string[]> {
  const value = intExpr(2, place);
  const options: fc.Arbitrary<string[]>[] = [
    value.map((v) => [`x = ${v}`]),
    value.map((v) => [`y += ${v}`]),
    value.map((v) => [`self.count += ${v}`]),
    value.map((v) => [`self.count = self.count * 2 + p.relay(self, ${v})`]),
    value.map((v) => [`print("value", ${v})`]),
    value.map((v) => [`q.add(${v} % 3)`]),
    fc.tuple(value, value).map(([a, b]) => [`x, y = ${a}, ${b}`]),
    boolExpr(1, place).map((c) => [`assert ${c} or True`]),
  ];
  options.push(
    value.map((v) => [`self.hist[str(x % 3)] = ${v}`]),
    value.map((v) => [`self.hist["total"] += ${v}`]),
    value.map((v) => [`if (t := ${v}) > 3:`, '    x = t']),
    value.map((v) => ['scale = lambda k: k * 2 + x', `y += scale(${v})`]),
    fc.constant(['x = len([z.get() for z in self.peers if z.get() > x])']),
    fc.constant(['for k, z in enumerate(self.peers):', '    y += z.get() * k']),
  );
  if (place.isInLoop) options.push(fc.constantFrom(['break'], ['continue']));
  if (place.peerVariable !== null) options.push(fc.constant([`x += ${place.peerVariable}.add(1)`]));
  return fc.oneof(...options);
}

function statement(place: Place): fc.Arbitrary<string[]> {
  if (place.depth >= 3) return simpleStatement(place);
  const inner = (changes: Partial<Place>): fc.Arbitrary<string[]> => block({ ...place, depth: place.depth + 1, ...changes });
  const counter = `w${place.depth}`;
  const condition = boolExpr(1, place);
  return fc.oneof(
    { weight: 6, arbitrary: simpleStatement(place) },
    {
      weight: 2,
      arbitrary: fc.tuple(condition, inner({}), fc.option(inner({}), { nil: null })).map(([c, body, orelse]) => [
        `if ${c}:`, ...indent(body), ...(orelse === null ? [] : ['else:', ...indent(orelse)]),
      ]),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.integer({ min: 0, max: 3 }), inner({ isInLoop: true }), fc.option(inner({}), { nil: null })).map(([count, body, orelse]) => [
        `for i${place.depth} in range(${count}):`, ...indent(body), ...(orelse === null ? [] : ['else:', ...indent(orelse)]),
      ]),
    },
    {
      weight: 1,
      arbitrary: inner({ isInLoop: true, peerVariable: `z${place.depth}` }).map((body) => [`for z${place.depth} in self.peers:`, ...indent(body)]),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(condition, inner({ isInLoop: true })).map(([c, body]) => [
        `${counter} = 0`, `while ${counter} < 3 and (${c}):`, `    ${counter} += 1`, ...indent(body),
      ]),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(inner({}), inner({}), fc.option(inner({}), { nil: null }), fc.option(inner({}), { nil: null })).map(
        ([body, handler, orelse, finalbody]) => [
          'try:', ...indent(body),
          'except Oops as error:', '    print("caught", error)', ...indent(handler), '    if n == 5:', '        raise',
          ...(orelse === null ? [] : ['else:', ...indent(orelse)]),
          ...(finalbody === null ? [] : ['finally:', ...indent(finalbody)]),
        ],
      ),
    },
    { weight: 1, arbitrary: intExpr(1, place).map((v) => [`return ${v}`]) },
  );
}

function block(place: Place): fc.Arbitrary<string[]> {
  return fc.array(statement(place), { minLength: 1, maxLength: 3 }).map((statements) => statements.flat());
}

export interface GeneratedProgram {
  entities: string;
  client: string;
}

/** Programs whose `Main.run` body is generated. */
export const programArbitrary: fc.Arbitrary<GeneratedProgram> = block({ isInLoop: false, peerVariable: null, depth: 0 }).map((body) => ({
  entities: PRELUDE + indent(indent(body)).join('\n') + '\n        return x + y\n',
  client: CLIENT,
}));
