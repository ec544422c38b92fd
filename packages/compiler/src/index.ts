export type * from './ast.ts';
export type { Diagnostic, Severity } from './diagnostic.ts';
export { parse, type ParseResult } from './parse.ts';
export { dumpAst, reprConstant, reprFloat, reprString, reprBytes, type DumpOptions } from './dumpAst.ts';
export { LineTable, type LineColumn } from './lineTable.ts';
export { formatDiagnostic, makeDiagnostic } from './formatDiagnostic.ts';
export { tokenize, type TokenizeOptions, type TokenizeResult } from './tokenizer.ts';
export { TokenKind, type Token } from './token.ts';
export { SyntaxErrorCode } from './parser/syntaxErrors.ts';
