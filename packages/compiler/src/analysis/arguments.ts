// Checks the arguments of a call of an entity method (remote, on self, or a
// creation through `__init__`) against the method's parameters, with the
// binding rules of CPython. Calls that unpack `*args` or `**kwargs` are not
// checked: their argument count is only known at run time.

import type { Call } from '../ast.ts';
import { Code } from './codes.ts';
import type { DiagnosticSink } from './diagnostics.ts';
import type { MethodModel } from './model.ts';

export function checkArguments(call: Call, target: MethodModel | null, label: string, sink: DiagnosticSink): void {
  if (call.args.some((arg) => arg.kind === 'Starred') || call.keywords.some((keyword) => keyword.arg === null)) return;

  const report = (message: string, span: { start: number; end: number }): void => {
    sink.error(Code.wrongArguments, `${label} ${message}`, span);
  };

  if (target === null) {
    if (call.args.length > 0 || call.keywords.length > 0) report('takes no arguments, because the class defines no __init__.', call);
    return;
  }

  const args = target.node.args;
  const positionalOnly = new Set(args.posonlyargs.slice(1).map((arg) => arg.arg));
  const positional = target.params.filter((param) => param.kind === 'positional');
  const keywordOnly = target.params.filter((param) => param.kind === 'keywordOnly');
  const hasVarPositional = target.params.some((param) => param.kind === 'varPositional');
  const hasVarKeyword = target.params.some((param) => param.kind === 'varKeyword');

  if (call.args.length > positional.length && !hasVarPositional) {
    const count = positional.length;
    report(`takes ${count} positional argument${count === 1 ? '' : 's'} besides self but ${call.args.length} were given.`, call.args[count]!);
    return;
  }

  const bound = new Set(positional.slice(0, call.args.length).map((param) => param.name));
  for (const keyword of call.keywords) {
    const name = keyword.arg!;
    const isPositional = positional.some((param) => param.name === name);
    const isKeywordOnly = keywordOnly.some((param) => param.name === name);
    if (positionalOnly.has(name)) {
      report(`got positional-only argument '${name}' passed as a keyword argument.`, keyword);
    } else if (!isPositional && !isKeywordOnly) {
      if (!hasVarKeyword) report(`got an unexpected keyword argument '${name}'.`, keyword);
    } else if (bound.has(name)) {
      report(`got multiple values for argument '${name}'.`, keyword);
    }
    bound.add(name);
  }

  const missing = [...positional, ...keywordOnly]
    .filter((param) => param.defaultValue === null && !bound.has(param.name))
    .map((param) => `'${param.name}'`);
  if (missing.length > 0) {
    report(`is missing required argument${missing.length === 1 ? '' : 's'} ${missing.join(', ')}.`, call);
  }
}
