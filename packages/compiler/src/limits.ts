// Bounds of the compiler front end. User input drives every loop and every
// recursion of the tokenizer and the parser, so each of them checks one of
// these constants and turns an overrun into a diagnostic instead of a hang
// or a stack overflow.

/**
 * Maximum nesting of open brackets, as CPython 3.11's tokenizer (MAXLEVEL).
 * Deeper nesting is reported as "too many nested parentheses".
 */
export const BRACKET_DEPTH_MAX = 200;

/**
 * Maximum number of indentation levels, as CPython 3.11's tokenizer
 * (MAXINDENT). Deeper indentation is reported as "too many levels of
 * indentation".
 */
export const INDENT_DEPTH_MAX = 100;

/**
 * Maximum nesting of recursive grammar rules (brackets, unary operators,
 * `not`, lambdas, conditional expressions, blocks, f-string expressions)
 * inside one parse. A bracket level costs about fifteen JavaScript stack
 * frames, so this bound keeps the parser well inside the default stack of
 * Node and of browsers. CPython 3.11 accepts deeper unary chains (2,000
 * minus signs parse, 3,000 raise RecursionError), which Entflow rejects.
 */
export const PARSE_DEPTH_MAX = 200;

/**
 * Maximum depth of the tree the parser builds, counting the links of
 * left-associative chains (`a + b + c`, `a.b.c`, `f()()`) as well as nesting.
 * Later stages walk trees recursively, and this bound keeps their recursion
 * inside the default stack too. CPython 3.11 cannot compile chains of about
 * 1,000 operators either (RecursionError).
 */
export const TREE_DEPTH_MAX = 500;

/**
 * Maximum nesting of f-strings inside f-string expressions. CPython 3.11 runs
 * out of quote kinds after a few levels; the bound only guards recursion.
 */
export const FSTRING_DEPTH_MAX = 8;

/**
 * Maximum number of diagnostics one parse reports. Broken input can produce
 * an error per line; past this count the rest add nothing a person can act on.
 */
export const DIAGNOSTICS_MAX = 100;

/**
 * Maximum number of syntax errors parse() returns for one file. A binary or
 * badly mangled file yields an error on nearly every line, so parse() keeps
 * the first ones and ends with one "too many syntax errors" diagnostic.
 * Must stay below DIAGNOSTICS_MAX, which bounds what the tokenizer and the
 * parser each collect before the errors are ordered and cut.
 */
export const SYNTAX_ERRORS_MAX = 20;

// ---------------------------------------------------------------- analysis and splitting

/**
 * Maximum rounds of the flow-insensitive type inference of locals and state
 * attributes. Each round can only settle the type of variables assigned from
 * variables settled in the round before, so chains longer than this end up
 * typed `other` (no reference) instead of looping.
 */
export const TYPE_INFERENCE_ROUNDS_MAX = 16;

/**
 * Maximum number of blocks one method may split into. A method past it is
 * reported instead of compiled; generated code is the only realistic way to
 * reach it.
 */
export const BLOCKS_PER_METHOD_MAX = 20_000;

/**
 * Maximum passes of the backward liveness analysis over one method's blocks.
 * Liveness converges in a number of passes bounded by the loop nesting depth
 * plus two; reaching this bound means a compiler bug, reported as an internal
 * error.
 */
export const LIVENESS_PASSES_MAX = 1_000;
