// Tokens of the entity language, as the tokenizer produces them and the
// parser consumes them. Tokens are plain data: a kind and the UTF-16 offsets
// of their text in the source. Only names carry a value (the identifier,
// NFKC-normalised as CPython does); numbers and strings are decoded by the
// parser from their source text.

export const TokenKind = {
  EndOfFile: 0,
  Newline: 1,
  Indent: 2,
  Dedent: 3,
  Name: 4,
  Number: 5,
  String: 6,
  /** A character that starts no token, such as `$` or `?`. */
  Error: 7,

  // Keywords. Soft keywords (`match`, `case`, `_`) stay names.
  False: 10, None: 11, True: 12, And: 13, As: 14, Assert: 15, Async: 16,
  Await: 17, Break: 18, Class: 19, Continue: 20, Def: 21, Del: 22, Elif: 23,
  Else: 24, Except: 25, Finally: 26, For: 27, From: 28, Global: 29, If: 30,
  Import: 31, In: 32, Is: 33, Lambda: 34, Nonlocal: 35, Not: 36, Or: 37,
  Pass: 38, Raise: 39, Return: 40, Try: 41, While: 42, With: 43, Yield: 44,

  // Operators and delimiters.
  LeftParen: 50, RightParen: 51, LeftBracket: 52, RightBracket: 53,
  LeftBrace: 54, RightBrace: 55, Colon: 56, Comma: 57, Semicolon: 58,
  Plus: 59, Minus: 60, Star: 61, Slash: 62, VerticalBar: 63, Ampersand: 64,
  Less: 65, Greater: 66, Equal: 67, Dot: 68, Percent: 69, Tilde: 70,
  Circumflex: 71, At: 72, EqualEqual: 73, NotEqual: 74, LessEqual: 75,
  GreaterEqual: 76, LeftShift: 77, RightShift: 78, DoubleStar: 79,
  DoubleSlash: 80, PlusEqual: 81, MinusEqual: 82, StarEqual: 83,
  SlashEqual: 84, PercentEqual: 85, AmpersandEqual: 86, VerticalBarEqual: 87,
  CircumflexEqual: 88, LeftShiftEqual: 89, RightShiftEqual: 90,
  DoubleStarEqual: 91, DoubleSlashEqual: 92, AtEqual: 93, Arrow: 94,
  ColonEqual: 95, Ellipsis: 96,
} as const;

export type TokenKind = (typeof TokenKind)[keyof typeof TokenKind];

export interface Token {
  kind: TokenKind;
  /** UTF-16 offset of the first character. */
  start: number;
  /** UTF-16 offset just past the last character. */
  end: number;
  /** The identifier of a name or keyword; empty for every other kind. */
  value: string;
}

export const KEYWORDS: ReadonlyMap<string, TokenKind> = new Map<string, TokenKind>([
  ['False', TokenKind.False], ['None', TokenKind.None], ['True', TokenKind.True],
  ['and', TokenKind.And], ['as', TokenKind.As], ['assert', TokenKind.Assert],
  ['async', TokenKind.Async], ['await', TokenKind.Await], ['break', TokenKind.Break],
  ['class', TokenKind.Class], ['continue', TokenKind.Continue], ['def', TokenKind.Def],
  ['del', TokenKind.Del], ['elif', TokenKind.Elif], ['else', TokenKind.Else],
  ['except', TokenKind.Except], ['finally', TokenKind.Finally], ['for', TokenKind.For],
  ['from', TokenKind.From], ['global', TokenKind.Global], ['if', TokenKind.If],
  ['import', TokenKind.Import], ['in', TokenKind.In], ['is', TokenKind.Is],
  ['lambda', TokenKind.Lambda], ['nonlocal', TokenKind.Nonlocal], ['not', TokenKind.Not],
  ['or', TokenKind.Or], ['pass', TokenKind.Pass], ['raise', TokenKind.Raise],
  ['return', TokenKind.Return], ['try', TokenKind.Try], ['while', TokenKind.While],
  ['with', TokenKind.With], ['yield', TokenKind.Yield],
]);

/** Source spelling of every operator and delimiter kind, for messages and tests. */
export const OPERATOR_TEXT: ReadonlyMap<TokenKind, string> = new Map<TokenKind, string>([
  [TokenKind.LeftParen, '('], [TokenKind.RightParen, ')'], [TokenKind.LeftBracket, '['],
  [TokenKind.RightBracket, ']'], [TokenKind.LeftBrace, '{'], [TokenKind.RightBrace, '}'],
  [TokenKind.Colon, ':'], [TokenKind.Comma, ','], [TokenKind.Semicolon, ';'],
  [TokenKind.Plus, '+'], [TokenKind.Minus, '-'], [TokenKind.Star, '*'],
  [TokenKind.Slash, '/'], [TokenKind.VerticalBar, '|'], [TokenKind.Ampersand, '&'],
  [TokenKind.Less, '<'], [TokenKind.Greater, '>'], [TokenKind.Equal, '='],
  [TokenKind.Dot, '.'], [TokenKind.Percent, '%'], [TokenKind.Tilde, '~'],
  [TokenKind.Circumflex, '^'], [TokenKind.At, '@'], [TokenKind.EqualEqual, '=='],
  [TokenKind.NotEqual, '!='], [TokenKind.LessEqual, '<='], [TokenKind.GreaterEqual, '>='],
  [TokenKind.LeftShift, '<<'], [TokenKind.RightShift, '>>'], [TokenKind.DoubleStar, '**'],
  [TokenKind.DoubleSlash, '//'], [TokenKind.PlusEqual, '+='], [TokenKind.MinusEqual, '-='],
  [TokenKind.StarEqual, '*='], [TokenKind.SlashEqual, '/='], [TokenKind.PercentEqual, '%='],
  [TokenKind.AmpersandEqual, '&='], [TokenKind.VerticalBarEqual, '|='],
  [TokenKind.CircumflexEqual, '^='], [TokenKind.LeftShiftEqual, '<<='],
  [TokenKind.RightShiftEqual, '>>='], [TokenKind.DoubleStarEqual, '**='],
  [TokenKind.DoubleSlashEqual, '//='], [TokenKind.AtEqual, '@='], [TokenKind.Arrow, '->'],
  [TokenKind.ColonEqual, ':='], [TokenKind.Ellipsis, '...'],
]);
