// A JSON parser that keeps Python ints exact. JSON.parse rounds integers
// beyond 2^53 to the nearest double, which would hide a wrong low digit in a
// big-int result. Here an integer literal (no fraction, no exponent) outside
// Number.MIN_SAFE_INTEGER..Number.MAX_SAFE_INTEGER becomes a bigint; every
// other number is a JS number, as with JSON.parse.

export type ExactJson =
  | null
  | boolean
  | number
  | bigint
  | string
  | ExactJson[]
  | { [key: string]: ExactJson };

const MAX_DEPTH = 10_000;

// Sticky, so matching starts at lastIndex without copying the rest of the text.
const NUMBER_PATTERN = /-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/y;

class Parser {
  private position = 0;

  constructor(private readonly text: string) {}

  parseDocument(): ExactJson {
    const value = this.parseValue(0);
    this.skipWhitespace();
    if (this.position !== this.text.length) {
      this.fail('unexpected text after the JSON value');
    }
    return value;
  }

  private fail(message: string): never {
    throw new SyntaxError(`invalid JSON at offset ${this.position}: ${message}`);
  }

  private skipWhitespace(): void {
    while (this.position < this.text.length && ' \t\n\r'.includes(this.text[this.position]!)) {
      this.position += 1;
    }
  }

  private expectLiteral(literal: string): void {
    if (!this.text.startsWith(literal, this.position)) {
      this.fail(`expected ${literal}`);
    }
    this.position += literal.length;
  }

  private parseValue(depth: number): ExactJson {
    if (depth > MAX_DEPTH) {
      this.fail(`nesting deeper than ${MAX_DEPTH}`);
    }
    this.skipWhitespace();
    const char = this.text[this.position];
    switch (char) {
      case '{':
        return this.parseObject(depth);
      case '[':
        return this.parseArray(depth);
      case '"':
        return this.parseString();
      case 't':
        this.expectLiteral('true');
        return true;
      case 'f':
        this.expectLiteral('false');
        return false;
      case 'n':
        this.expectLiteral('null');
        return null;
      default:
        return this.parseNumber();
    }
  }

  private parseObject(depth: number): { [key: string]: ExactJson } {
    const result: { [key: string]: ExactJson } = {};
    this.position += 1;
    this.skipWhitespace();
    if (this.text[this.position] === '}') {
      this.position += 1;
      return result;
    }
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.position] !== '"') {
        this.fail('expected a string key');
      }
      const key = this.parseString();
      this.skipWhitespace();
      this.expectLiteral(':');
      result[key] = this.parseValue(depth + 1);
      this.skipWhitespace();
      const separator = this.text[this.position];
      this.position += 1;
      if (separator === '}') {
        return result;
      }
      if (separator !== ',') {
        this.fail('expected , or }');
      }
    }
  }

  private parseArray(depth: number): ExactJson[] {
    const result: ExactJson[] = [];
    this.position += 1;
    this.skipWhitespace();
    if (this.text[this.position] === ']') {
      this.position += 1;
      return result;
    }
    for (;;) {
      result.push(this.parseValue(depth + 1));
      this.skipWhitespace();
      const separator = this.text[this.position];
      this.position += 1;
      if (separator === ']') {
        return result;
      }
      if (separator !== ',') {
        this.fail('expected , or ]');
      }
    }
  }

  private parseString(): string {
    // Find the closing quote, skipping escaped characters, then let
    // JSON.parse decode the escapes of that one literal.
    const start = this.position;
    this.position += 1;
    while (this.position < this.text.length && this.text[this.position] !== '"') {
      this.position += this.text[this.position] === '\\' ? 2 : 1;
    }
    if (this.position >= this.text.length) {
      this.fail('unterminated string');
    }
    this.position += 1;
    return JSON.parse(this.text.slice(start, this.position)) as string;
  }

  private parseNumber(): number | bigint {
    NUMBER_PATTERN.lastIndex = this.position;
    const match = NUMBER_PATTERN.exec(this.text);
    if (match === null) {
      this.fail('expected a JSON value');
    }
    const literal = match[0];
    this.position += literal.length;
    const isInteger = match[2] === undefined && match[3] === undefined;
    if (isInteger) {
      const exact = BigInt(literal);
      const isSafe = exact >= BigInt(Number.MIN_SAFE_INTEGER) && exact <= BigInt(Number.MAX_SAFE_INTEGER);
      return isSafe ? Number(literal) : exact;
    }
    return Number(literal);
  }
}

/** Parses JSON text, returning integers outside the safe range as bigint. */
export function parseExactJson(text: string): ExactJson {
  return new Parser(text).parseDocument();
}
