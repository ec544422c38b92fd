// Python source text of AST nodes, for block listings, graph labels and test
// fixtures. Parenthesizes by operator precedence as CPython's `ast.unparse`
// does; the text is for people and need not reproduce the original spacing.

import type { Arguments, Comprehension, ConstantValue, Expr, Keyword, OperatorKind, Stmt } from '../ast.ts';

const enum Precedence {
  NamedExpr = 1,
  Tuple,
  Yield,
  Test,
  Or,
  And,
  Not,
  Compare,
  BitOr,
  BitXor,
  BitAnd,
  Shift,
  Arith,
  Term,
  Factor,
  Power,
  Await,
  Atom,
}

const BINARY: Record<OperatorKind, [string, Precedence]> = {
  Add: ['+', Precedence.Arith],
  Sub: ['-', Precedence.Arith],
  Mult: ['*', Precedence.Term],
  MatMult: ['@', Precedence.Term],
  Div: ['/', Precedence.Term],
  Mod: ['%', Precedence.Term],
  FloorDiv: ['//', Precedence.Term],
  Pow: ['**', Precedence.Power],
  LShift: ['<<', Precedence.Shift],
  RShift: ['>>', Precedence.Shift],
  BitOr: ['|', Precedence.BitOr],
  BitXor: ['^', Precedence.BitXor],
  BitAnd: ['&', Precedence.BitAnd],
};

const COMPARE: Record<string, string> = {
  Eq: '==', NotEq: '!=', Lt: '<', LtE: '<=', Gt: '>', GtE: '>=', Is: 'is', IsNot: 'is not', In: 'in', NotIn: 'not in',
};

const UNARY: Record<string, [string, Precedence]> = {
  Invert: ['~', Precedence.Factor],
  Not: ['not ', Precedence.Not],
  UAdd: ['+', Precedence.Factor],
  USub: ['-', Precedence.Factor],
};

export function unparseExpr(expr: Expr, context: Precedence = Precedence.Tuple): string {
  const wrap = (own: Precedence, text: string): string => (own < context ? `(${text})` : text);
  switch (expr.kind) {
    case 'Constant':
      return constantText(expr.value, expr.constKind);
    case 'Name':
      return expr.id;
    case 'Attribute': {
      const value = unparseExpr(expr.value, Precedence.Atom);
      const needsSpace = expr.value.kind === 'Constant' && expr.value.value.kind === 'int';
      return `${value}${needsSpace ? ' ' : ''}.${expr.attr}`;
    }
    case 'Subscript': {
      const slice = expr.slice.kind === 'Tuple' && expr.slice.elts.length > 0
        ? expr.slice.elts.map((elt) => unparseExpr(elt, Precedence.Test)).join(', ')
        : unparseExpr(expr.slice, Precedence.Tuple);
      return `${unparseExpr(expr.value, Precedence.Atom)}[${slice}]`;
    }
    case 'Slice':
      return `${expr.lower ? unparseExpr(expr.lower, Precedence.Test) : ''}:${expr.upper ? unparseExpr(expr.upper, Precedence.Test) : ''}${expr.step ? `:${unparseExpr(expr.step, Precedence.Test)}` : ''}`;
    case 'Call': {
      const parts = [...expr.args.map((arg) => unparseExpr(arg, Precedence.Test)), ...expr.keywords.map(keywordText)];
      return `${unparseExpr(expr.func, Precedence.Atom)}(${parts.join(', ')})`;
    }
    case 'Starred':
      return `*${unparseExpr(expr.value, Precedence.BitOr)}`;
    case 'BinOp': {
      const [symbol, own] = BINARY[expr.op];
      const isPower = expr.op === 'Pow';
      const left = unparseExpr(expr.left, isPower ? own + 1 : own);
      const right = unparseExpr(expr.right, isPower ? own : own + 1);
      return wrap(own, `${left} ${symbol} ${right}`);
    }
    case 'UnaryOp': {
      const [symbol, own] = UNARY[expr.op]!;
      return wrap(own, `${symbol}${unparseExpr(expr.operand, own)}`);
    }
    case 'BoolOp': {
      const own = expr.op === 'And' ? Precedence.And : Precedence.Or;
      return wrap(own, expr.values.map((value) => unparseExpr(value, own + 1)).join(expr.op === 'And' ? ' and ' : ' or '));
    }
    case 'Compare': {
      const parts = [unparseExpr(expr.left, Precedence.Compare + 1)];
      expr.ops.forEach((op, index) => parts.push(COMPARE[op]!, unparseExpr(expr.comparators[index]!, Precedence.Compare + 1)));
      return wrap(Precedence.Compare, parts.join(' '));
    }
    case 'IfExp':
      return wrap(
        Precedence.Test,
        `${unparseExpr(expr.body, Precedence.Test + 1)} if ${unparseExpr(expr.test, Precedence.Test + 1)} else ${unparseExpr(expr.orelse, Precedence.Test)}`,
      );
    case 'Lambda': {
      const args = argumentsText(expr.args, false);
      return wrap(Precedence.Test, `lambda${args ? ' ' + args : ''}: ${unparseExpr(expr.body, Precedence.Test)}`);
    }
    case 'NamedExpr':
      return wrap(Precedence.NamedExpr, `${expr.target.id} := ${unparseExpr(expr.value, Precedence.Atom)}`);
    case 'Tuple': {
      if (expr.elts.length === 0) return '()';
      const inner = expr.elts.map((elt) => unparseExpr(elt, Precedence.Test)).join(', ') + (expr.elts.length === 1 ? ',' : '');
      return wrap(Precedence.Tuple, inner);
    }
    case 'List':
      return `[${expr.elts.map((elt) => unparseExpr(elt, Precedence.Test)).join(', ')}]`;
    case 'Set':
      return expr.elts.length === 0 ? '{*()}' : `{${expr.elts.map((elt) => unparseExpr(elt, Precedence.Test)).join(', ')}}`;
    case 'Dict': {
      const entries = expr.keys.map((key, index) => {
        const value = expr.values[index]!;
        return key === null ? `**${unparseExpr(value, Precedence.BitOr)}` : `${unparseExpr(key, Precedence.Test)}: ${unparseExpr(value, Precedence.Test)}`;
      });
      return `{${entries.join(', ')}}`;
    }
    case 'ListComp':
      return `[${unparseExpr(expr.elt, Precedence.Test)}${comprehensionText(expr.generators)}]`;
    case 'SetComp':
      return `{${unparseExpr(expr.elt, Precedence.Test)}${comprehensionText(expr.generators)}}`;
    case 'GeneratorExp':
      return `(${unparseExpr(expr.elt, Precedence.Test)}${comprehensionText(expr.generators)})`;
    case 'DictComp':
      return `{${unparseExpr(expr.key, Precedence.Test)}: ${unparseExpr(expr.value, Precedence.Test)}${comprehensionText(expr.generators)}}`;
    case 'Await':
      return wrap(Precedence.Await, `await ${unparseExpr(expr.value, Precedence.Atom)}`);
    case 'Yield':
      return wrap(Precedence.Yield, expr.value ? `yield ${unparseExpr(expr.value, Precedence.Tuple)}` : 'yield');
    case 'YieldFrom':
      return wrap(Precedence.Yield, `yield from ${unparseExpr(expr.value, Precedence.Test)}`);
    case 'JoinedStr':
      return `f${quote(fStringBody(expr.values))}`;
    case 'FormattedValue':
      return `f${quote(fStringBody([expr]))}`;
  }
}

function keywordText(keyword: Keyword): string {
  const value = unparseExpr(keyword.value, Precedence.Test);
  return keyword.arg === null ? `**${value}` : `${keyword.arg}=${value}`;
}

function comprehensionText(generators: Comprehension[]): string {
  return generators
    .map((generator) => {
      const ifs = generator.ifs.map((condition) => ` if ${unparseExpr(condition, Precedence.Test + 1)}`).join('');
      return ` for ${unparseExpr(generator.target, Precedence.Tuple)} in ${unparseExpr(generator.iter, Precedence.Test + 1)}${ifs}`;
    })
    .join('');
}

function fStringBody(values: Expr[]): string {
  return values
    .map((value) => {
      if (value.kind === 'Constant' && value.value.kind === 'str') return value.value.value.replace(/[{}]/g, (brace) => brace + brace);
      if (value.kind !== 'FormattedValue') return '';
      const inner = unparseExpr(value.value, Precedence.Test + 1);
      const conversion = value.conversion === -1 ? '' : `!${String.fromCharCode(value.conversion)}`;
      const spec = value.format_spec ? `:${fStringBody(value.format_spec.values)}` : '';
      return `{${inner.startsWith('{') ? ' ' : ''}${inner}${conversion}${spec}}`;
    })
    .join('');
}

export function argumentsText(args: Arguments, withAnnotations = true): string {
  const parts: string[] = [];
  const positional = [...args.posonlyargs, ...args.args];
  const firstDefault = positional.length - args.defaults.length;
  const argText = (arg: { arg: string; annotation: Expr | null }): string =>
    withAnnotations && arg.annotation ? `${arg.arg}: ${unparseExpr(arg.annotation, Precedence.Test)}` : arg.arg;
  positional.forEach((arg, index) => {
    const value = index >= firstDefault ? args.defaults[index - firstDefault]! : null;
    parts.push(value ? `${argText(arg)}=${unparseExpr(value, Precedence.Test)}` : argText(arg));
    if (index === args.posonlyargs.length - 1) parts.push('/');
  });
  if (args.vararg) parts.push(`*${argText(args.vararg)}`);
  else if (args.kwonlyargs.length > 0) parts.push('*');
  args.kwonlyargs.forEach((arg, index) => {
    const value = args.kw_defaults[index];
    parts.push(value ? `${argText(arg)}=${unparseExpr(value, Precedence.Test)}` : argText(arg));
  });
  if (args.kwarg) parts.push(`**${argText(args.kwarg)}`);
  return parts.join(', ');
}

// ---------------------------------------------------------------- constants

function constantText(value: ConstantValue, constKind: 'u' | null): string {
  switch (value.kind) {
    case 'int':
      return value.value;
    case 'float':
      return floatText(value.value);
    case 'complex':
      return `${floatText(value.imag).replace(/\.0$/, '')}j`;
    case 'str':
      return (constKind ?? '') + quote(value.value);
    case 'bytes':
      return `b${quote(String.fromCharCode(...value.value))}`;
    case 'bool':
      return value.value ? 'True' : 'False';
    case 'None':
      return 'None';
    case 'Ellipsis':
      return '...';
  }
}

function floatText(value: number): string {
  if (!Number.isFinite(value)) return '1e309';
  if (Number.isInteger(value) && Math.abs(value) < 1e16) return `${value}.0`;
  const text = String(value);
  return Math.abs(value) >= 1e16 && !text.includes('e') ? value.toExponential().replace(/\.?0*e/, 'e') : text;
}

/** Returns a Python string literal for `text`, quoted as Python's `repr` quotes it. */
function quote(text: string): string {
  const delimiter = text.includes("'") && !text.includes('"') ? '"' : "'";
  let body = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (char === '\\') body += '\\\\';
    else if (char === delimiter) body += `\\${char}`;
    else if (char === '\n') body += '\\n';
    else if (char === '\r') body += '\\r';
    else if (char === '\t') body += '\\t';
    else if (code < 0x20 || code === 0x7f) body += `\\x${code.toString(16).padStart(2, '0')}`;
    else body += char;
  }
  return delimiter + body + delimiter;
}

// ---------------------------------------------------------------- statements

/** Source lines of a statement, nested bodies indented by four spaces. */
export function unparseStmt(statement: Stmt, indent = ''): string[] {
  const line = (text: string): string[] => [indent + text];
  const body = (statements: Stmt[]): string[] => {
    const inner = indent + '    ';
    return statements.length === 0 ? [`${inner}pass`] : statements.flatMap((s) => unparseStmt(s, inner));
  };
  switch (statement.kind) {
    case 'Expr':
      return line(unparseExpr(statement.value, Precedence.Yield));
    case 'Assign':
      return line(`${statement.targets.map((t) => unparseExpr(t)).join(' = ')} = ${unparseExpr(statement.value, Precedence.Yield)}`);
    case 'AugAssign':
      return line(`${unparseExpr(statement.target)} ${BINARY[statement.op][0]}= ${unparseExpr(statement.value, Precedence.Yield)}`);
    case 'AnnAssign': {
      const target = statement.simple === 0 && statement.target.kind === 'Name' ? `(${statement.target.id})` : unparseExpr(statement.target);
      const value = statement.value ? ` = ${unparseExpr(statement.value, Precedence.Yield)}` : '';
      return line(`${target}: ${unparseExpr(statement.annotation, Precedence.Test)}${value}`);
    }
    case 'Return':
      return line(statement.value ? `return ${unparseExpr(statement.value)}` : 'return');
    case 'Delete':
      return line(`del ${statement.targets.map((t) => unparseExpr(t)).join(', ')}`);
    case 'Pass':
      return line('pass');
    case 'Break':
      return line('break');
    case 'Continue':
      return line('continue');
    case 'Raise':
      return line(`raise${statement.exc ? ' ' + unparseExpr(statement.exc, Precedence.Test) : ''}${statement.cause ? ' from ' + unparseExpr(statement.cause, Precedence.Test) : ''}`);
    case 'Assert':
      return line(`assert ${unparseExpr(statement.test, Precedence.Test)}${statement.msg ? ', ' + unparseExpr(statement.msg, Precedence.Test) : ''}`);
    case 'Global':
      return line(`global ${statement.names.join(', ')}`);
    case 'Nonlocal':
      return line(`nonlocal ${statement.names.join(', ')}`);
    case 'Import':
      return line(`import ${statement.names.map((a) => (a.asname ? `${a.name} as ${a.asname}` : a.name)).join(', ')}`);
    case 'ImportFrom':
      return line(`from ${'.'.repeat(statement.level)}${statement.module ?? ''} import ${statement.names.map((a) => (a.asname ? `${a.name} as ${a.asname}` : a.name)).join(', ')}`);
    case 'If': {
      const lines = [...line(`if ${unparseExpr(statement.test)}:`), ...body(statement.body)];
      let orelse = statement.orelse;
      while (orelse.length === 1 && orelse[0]!.kind === 'If') {
        const elif = orelse[0];
        lines.push(...line(`elif ${unparseExpr(elif.test)}:`), ...body(elif.body));
        orelse = elif.orelse;
      }
      if (orelse.length > 0) lines.push(...line('else:'), ...body(orelse));
      return lines;
    }
    case 'While':
      return [...line(`while ${unparseExpr(statement.test)}:`), ...body(statement.body), ...elseLines(statement.orelse, line, body)];
    case 'For':
    case 'AsyncFor':
      return [
        ...line(`${statement.kind === 'AsyncFor' ? 'async ' : ''}for ${unparseExpr(statement.target)} in ${unparseExpr(statement.iter)}:`),
        ...body(statement.body),
        ...elseLines(statement.orelse, line, body),
      ];
    case 'Try':
    case 'TryStar': {
      const lines = [...line('try:'), ...body(statement.body)];
      for (const handler of statement.handlers) {
        const star = statement.kind === 'TryStar' ? '*' : '';
        const type = handler.type ? ` ${unparseExpr(handler.type, Precedence.Test)}` : '';
        lines.push(...line(`except${star}${type}${handler.name ? ` as ${handler.name}` : ''}:`), ...body(handler.body));
      }
      lines.push(...elseLines(statement.orelse, line, body));
      if (statement.finalbody.length > 0) lines.push(...line('finally:'), ...body(statement.finalbody));
      return lines;
    }
    case 'With':
    case 'AsyncWith': {
      const items = statement.items.map((item) => unparseExpr(item.context_expr, Precedence.Test) + (item.optional_vars ? ` as ${unparseExpr(item.optional_vars)}` : ''));
      return [...line(`${statement.kind === 'AsyncWith' ? 'async ' : ''}with ${items.join(', ')}:`), ...body(statement.body)];
    }
    case 'FunctionDef':
    case 'AsyncFunctionDef':
    case 'ClassDef': {
      const decorators = statement.decorator_list.flatMap((d) => line(`@${unparseExpr(d, Precedence.Test)}`));
      let header: string;
      if (statement.kind === 'ClassDef') {
        const bases = [...statement.bases.map((b) => unparseExpr(b, Precedence.Test)), ...statement.keywords.map(keywordText)];
        header = `class ${statement.name}${bases.length > 0 ? `(${bases.join(', ')})` : ''}:`;
      } else {
        const returns = statement.returns ? ` -> ${unparseExpr(statement.returns, Precedence.Test)}` : '';
        header = `${statement.kind === 'AsyncFunctionDef' ? 'async ' : ''}def ${statement.name}(${argumentsText(statement.args)})${returns}:`;
      }
      return [...decorators, ...line(header), ...body(statement.body)];
    }
    case 'Match':
      return line(`match ${unparseExpr(statement.subject)}: ...`);
  }
}

function elseLines(orelse: Stmt[], line: (text: string) => string[], body: (statements: Stmt[]) => string[]): string[] {
  return orelse.length > 0 ? [...line('else:'), ...body(orelse)] : [];
}
