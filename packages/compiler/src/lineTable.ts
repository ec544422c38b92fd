// Offset to line/column conversion. Nodes and tokens carry UTF-16 offsets
// only; a line table is built once per source and consulted when a position
// is shown to a person or compared with CPython's.

export interface LineColumn {
  /** 1-based line number. */
  line: number;
  /** 0-based column in UTF-16 code units. */
  column: number;
}

export class LineTable {
  readonly source: string;
  /** Offset of the first character of each line; a line ends at `\n`, `\r\n` or `\r`. */
  private readonly lineStarts: number[];

  constructor(source: string) {
    this.source = source;
    const starts = [0];
    for (let i = 0; i < source.length; i++) {
      const code = source.charCodeAt(i);
      if (code === 10) {
        starts.push(i + 1);
      } else if (code === 13) {
        if (source.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** Returns the offset where 1-based `line` starts (clamped to the source). */
  lineStart(line: number): number {
    if (line < 1) return 0;
    if (line > this.lineStarts.length) return this.source.length;
    return this.lineStarts[line - 1]!;
  }

  /** Returns the 1-based line containing `offset` (clamped to the source). */
  lineOf(offset: number): number {
    const starts = this.lineStarts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  }

  /** Returns the 1-based line and 0-based UTF-16 column of `offset`. */
  position(offset: number): LineColumn {
    const clamped = Math.max(0, Math.min(offset, this.source.length));
    const line = this.lineOf(clamped);
    return { line, column: clamped - this.lineStarts[line - 1]! };
  }

  /**
   * Returns the 0-based column of `offset` counted in UTF-8 bytes, the unit of
   * CPython's `col_offset`.
   */
  utf8Column(offset: number): number {
    const clamped = Math.max(0, Math.min(offset, this.source.length));
    const start = this.lineStarts[this.lineOf(clamped) - 1]!;
    let bytes = 0;
    for (let i = start; i < clamped; i++) {
      const code = this.source.charCodeAt(i);
      if (code < 0x80) bytes += 1;
      else if (code < 0x800) bytes += 2;
      else if (code >= 0xd800 && code <= 0xdbff && i + 1 < clamped) {
        const next = this.source.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) {
          bytes += 4;
          i++;
        } else {
          bytes += 3;
        }
      } else bytes += 3;
    }
    return bytes;
  }
}
