// Abstract syntax tree of the entity language. Node kinds and field names are
// those of CPython 3.11's `ast` module, so a tree can be printed in the form of
// `ast.dump` and compared with CPython's. Every node also carries `start` and
// `end`: UTF-16 offsets into the source text (end exclusive). Line and column
// are computed from them by a line table only when a diagnostic is reported.

export interface Span {
  start: number;
  end: number;
}

export type ExprContext = 'Load' | 'Store' | 'Del';

export type BoolOpKind = 'And' | 'Or';
export type OperatorKind =
  | 'Add' | 'Sub' | 'Mult' | 'MatMult' | 'Div' | 'Mod' | 'Pow'
  | 'LShift' | 'RShift' | 'BitOr' | 'BitXor' | 'BitAnd' | 'FloorDiv';
export type UnaryOpKind = 'Invert' | 'Not' | 'UAdd' | 'USub';
export type CmpOpKind = 'Eq' | 'NotEq' | 'Lt' | 'LtE' | 'Gt' | 'GtE' | 'Is' | 'IsNot' | 'In' | 'NotIn';

/**
 * The value of a `Constant` node. Python ints are arbitrary precision and the
 * tree must stay plain JSON, so an int constant holds its decimal digits (with
 * no sign, underscores or base prefix: `0x10` is stored as `"16"`). Floats are
 * numbers; `complex` holds the imaginary part of a literal such as `2j`;
 * `bytes` holds the literal's bytes.
 */
export type ConstantValue =
  | { kind: 'int'; value: string }
  | { kind: 'float'; value: number }
  | { kind: 'complex'; imag: number }
  | { kind: 'str'; value: string }
  | { kind: 'bytes'; value: number[] }
  | { kind: 'bool'; value: boolean }
  | { kind: 'None' }
  | { kind: 'Ellipsis' };

// ---------------------------------------------------------------- modules

export interface Module extends Span {
  kind: 'Module';
  body: Stmt[];
}

// ---------------------------------------------------------------- statements

export interface FunctionDef extends Span {
  kind: 'FunctionDef';
  name: string;
  args: Arguments;
  body: Stmt[];
  decorator_list: Expr[];
  returns: Expr | null;
  /** Span of the name after `def`, for diagnostics that point at the name. */
  nameSpan: Span;
}

export interface AsyncFunctionDef extends Span {
  kind: 'AsyncFunctionDef';
  name: string;
  args: Arguments;
  body: Stmt[];
  decorator_list: Expr[];
  returns: Expr | null;
  nameSpan: Span;
}

export interface ClassDef extends Span {
  kind: 'ClassDef';
  name: string;
  bases: Expr[];
  keywords: Keyword[];
  body: Stmt[];
  decorator_list: Expr[];
  nameSpan: Span;
}

export interface Return extends Span { kind: 'Return'; value: Expr | null }
export interface Delete extends Span { kind: 'Delete'; targets: Expr[] }
export interface Assign extends Span { kind: 'Assign'; targets: Expr[]; value: Expr }
export interface AugAssign extends Span { kind: 'AugAssign'; target: Expr; op: OperatorKind; value: Expr }
export interface AnnAssign extends Span {
  kind: 'AnnAssign';
  target: Expr;
  annotation: Expr;
  value: Expr | null;
  /** 1 when the target is a plain name not in parentheses, as in CPython. */
  simple: 0 | 1;
}
export interface For extends Span { kind: 'For'; target: Expr; iter: Expr; body: Stmt[]; orelse: Stmt[] }
export interface AsyncFor extends Span { kind: 'AsyncFor'; target: Expr; iter: Expr; body: Stmt[]; orelse: Stmt[] }
export interface While extends Span { kind: 'While'; test: Expr; body: Stmt[]; orelse: Stmt[] }
export interface If extends Span { kind: 'If'; test: Expr; body: Stmt[]; orelse: Stmt[] }
export interface With extends Span { kind: 'With'; items: WithItem[]; body: Stmt[] }
export interface AsyncWith extends Span { kind: 'AsyncWith'; items: WithItem[]; body: Stmt[] }
export interface Match extends Span { kind: 'Match'; subject: Expr; cases: MatchCase[] }
export interface Raise extends Span { kind: 'Raise'; exc: Expr | null; cause: Expr | null }
export interface Try extends Span {
  kind: 'Try';
  body: Stmt[];
  handlers: ExceptHandler[];
  orelse: Stmt[];
  finalbody: Stmt[];
}
export interface TryStar extends Span {
  kind: 'TryStar';
  body: Stmt[];
  handlers: ExceptHandler[];
  orelse: Stmt[];
  finalbody: Stmt[];
}
export interface Assert extends Span { kind: 'Assert'; test: Expr; msg: Expr | null }
export interface Import extends Span { kind: 'Import'; names: Alias[] }
export interface ImportFrom extends Span { kind: 'ImportFrom'; module: string | null; names: Alias[]; level: number }
export interface Global extends Span { kind: 'Global'; names: string[] }
export interface Nonlocal extends Span { kind: 'Nonlocal'; names: string[] }
export interface ExprStmt extends Span { kind: 'Expr'; value: Expr }
export interface Pass extends Span { kind: 'Pass' }
export interface Break extends Span { kind: 'Break' }
export interface Continue extends Span { kind: 'Continue' }

export type Stmt =
  | FunctionDef | AsyncFunctionDef | ClassDef | Return | Delete | Assign | AugAssign | AnnAssign
  | For | AsyncFor | While | If | With | AsyncWith | Match | Raise | Try | TryStar | Assert
  | Import | ImportFrom | Global | Nonlocal | ExprStmt | Pass | Break | Continue;

// ---------------------------------------------------------------- expressions

export interface BoolOp extends Span { kind: 'BoolOp'; op: BoolOpKind; values: Expr[] }
export interface NamedExpr extends Span { kind: 'NamedExpr'; target: Name; value: Expr }
export interface BinOp extends Span { kind: 'BinOp'; left: Expr; op: OperatorKind; right: Expr }
export interface UnaryOp extends Span { kind: 'UnaryOp'; op: UnaryOpKind; operand: Expr }
export interface Lambda extends Span { kind: 'Lambda'; args: Arguments; body: Expr }
export interface IfExp extends Span { kind: 'IfExp'; test: Expr; body: Expr; orelse: Expr }
export interface Dict extends Span {
  kind: 'Dict';
  /** `null` marks a `**mapping` entry, whose mapping is the matching value. */
  keys: (Expr | null)[];
  values: Expr[];
}
export interface SetExpr extends Span { kind: 'Set'; elts: Expr[] }
export interface ListComp extends Span { kind: 'ListComp'; elt: Expr; generators: Comprehension[] }
export interface SetComp extends Span { kind: 'SetComp'; elt: Expr; generators: Comprehension[] }
export interface DictComp extends Span { kind: 'DictComp'; key: Expr; value: Expr; generators: Comprehension[] }
export interface GeneratorExp extends Span { kind: 'GeneratorExp'; elt: Expr; generators: Comprehension[] }
export interface Await extends Span { kind: 'Await'; value: Expr }
export interface Yield extends Span { kind: 'Yield'; value: Expr | null }
export interface YieldFrom extends Span { kind: 'YieldFrom'; value: Expr }
export interface Compare extends Span { kind: 'Compare'; left: Expr; ops: CmpOpKind[]; comparators: Expr[] }
export interface Call extends Span { kind: 'Call'; func: Expr; args: Expr[]; keywords: Keyword[] }
export interface FormattedValue extends Span {
  kind: 'FormattedValue';
  value: Expr;
  /** -1 for none, else the code point of 's', 'r' or 'a', as in CPython. */
  conversion: number;
  format_spec: JoinedStr | null;
}
export interface JoinedStr extends Span { kind: 'JoinedStr'; values: Expr[] }
export interface Constant extends Span {
  kind: 'Constant';
  value: ConstantValue;
  /** 'u' for a `u'...'` literal, as CPython records it; otherwise null. */
  constKind: 'u' | null;
}
export interface Attribute extends Span { kind: 'Attribute'; value: Expr; attr: string; ctx: ExprContext }
export interface Subscript extends Span { kind: 'Subscript'; value: Expr; slice: Expr; ctx: ExprContext }
export interface Starred extends Span { kind: 'Starred'; value: Expr; ctx: ExprContext }
export interface Name extends Span { kind: 'Name'; id: string; ctx: ExprContext }
export interface List extends Span { kind: 'List'; elts: Expr[]; ctx: ExprContext }
export interface Tuple extends Span { kind: 'Tuple'; elts: Expr[]; ctx: ExprContext }
export interface Slice extends Span { kind: 'Slice'; lower: Expr | null; upper: Expr | null; step: Expr | null }

export type Expr =
  | BoolOp | NamedExpr | BinOp | UnaryOp | Lambda | IfExp | Dict | SetExpr | ListComp | SetComp
  | DictComp | GeneratorExp | Await | Yield | YieldFrom | Compare | Call | FormattedValue
  | JoinedStr | Constant | Attribute | Subscript | Starred | Name | List | Tuple | Slice;

// ---------------------------------------------------------------- helpers

export interface Comprehension extends Span {
  kind: 'comprehension';
  target: Expr;
  iter: Expr;
  ifs: Expr[];
  is_async: 0 | 1;
}

export interface ExceptHandler extends Span {
  kind: 'ExceptHandler';
  type: Expr | null;
  name: string | null;
  body: Stmt[];
}

export interface Arguments extends Span {
  kind: 'arguments';
  posonlyargs: Arg[];
  args: Arg[];
  vararg: Arg | null;
  kwonlyargs: Arg[];
  /** One entry per keyword-only argument; null where it has no default. */
  kw_defaults: (Expr | null)[];
  kwarg: Arg | null;
  /** Defaults of the last positional arguments, as in CPython. */
  defaults: Expr[];
}

export interface Arg extends Span { kind: 'arg'; arg: string; annotation: Expr | null }
export interface Keyword extends Span {
  kind: 'keyword';
  /** null for `**mapping`. */
  arg: string | null;
  value: Expr;
}
export interface Alias extends Span { kind: 'alias'; name: string; asname: string | null }
export interface WithItem extends Span { kind: 'withitem'; context_expr: Expr; optional_vars: Expr | null }

/**
 * A `case` of a `match` statement. Patterns are outside the entity language:
 * the parser keeps the pattern source span only, and analysis rejects `match`.
 */
export interface MatchCase extends Span {
  kind: 'match_case';
  patternSpan: Span;
  guard: Expr | null;
  body: Stmt[];
}

export type Node =
  | Module | Stmt | Expr | Comprehension | ExceptHandler | Arguments | Arg | Keyword | Alias
  | WithItem | MatchCase;
