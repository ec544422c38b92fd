// Built-in exception classes (CPython 3.11's hierarchy, the part user code can
// meet) and the JS carrier used to throw a Python exception through the
// interpreter.

import { PyBuiltin, PyClass, PyInstance, PyTuple, type Kwargs, type Value } from './values.ts';
import { pyRepr, pyStr } from './repr.ts';

/** Thrown (never constructed as a JS Error, so no stack capture) to raise a Python exception. */
export class PyError {
  constructor(readonly exc: PyInstance) {}
}

export const objectType = new PyClass('object', [], () => null);
objectType.mro = [objectType];

export function computeMro(cls: PyClass): PyClass[] {
  // C3 linearisation.
  const seqs = cls.bases.map((b) => [...b.mro]).concat([[...cls.bases]]);
  const result: PyClass[] = [cls];
  for (;;) {
    const nonEmpty = seqs.filter((s) => s.length > 0);
    if (nonEmpty.length === 0) return result;
    let head: PyClass | null = null;
    for (const s of nonEmpty) {
      const candidate = s[0];
      if (!nonEmpty.some((t) => t.indexOf(candidate) > 0)) { head = candidate; break; }
    }
    if (head === null) throw raise(TypeErrorCls(), 'Cannot create a consistent method resolution order (MRO)');
    result.push(head);
    for (const s of nonEmpty) if (s[0] === head) s.shift();
  }
}

function constructException(cls: PyClass, args: Value[], kwargs: Kwargs): Value {
  const inst = new PyInstance(cls);
  inst.attrs.set('args', new PyTuple(args.slice()));
  const init = cls.lookup('__init__');
  if (init !== undefined && init !== baseInit) {
    callHook.call(init, [inst, ...args], kwargs);
  } else if (kwargs && kwargs.length > 0) {
    throw raise(exc.TypeError, `${cls.name}() takes no keyword arguments`);
  }
  return inst;
}

/** Filled in by call.ts (avoids an import cycle). */
export const callHook = { call: (_f: Value, _a: Value[], _k: Kwargs): Value => null };

const baseInit = new PyBuiltin('__init__', (args) => {
  const self = args[0] as PyInstance;
  self.attrs.set('args', new PyTuple(args.slice(1)));
  return null;
}, 'BaseException');

function makeExc(name: string, base: PyClass | null): PyClass {
  const cls = new PyClass(name, base ? [base] : [objectType], constructException);
  cls.isException = true;
  cls.mro = computeMro(cls);
  return cls;
}

const BaseException = makeExc('BaseException', null);
BaseException.dict.set('__init__', baseInit);
const Exception = makeExc('Exception', BaseException);
const ArithmeticError = makeExc('ArithmeticError', Exception);
const LookupError = makeExc('LookupError', Exception);
const NameError = makeExc('NameError', Exception);
const RuntimeError = makeExc('RuntimeError', Exception);
const ValueError = makeExc('ValueError', Exception);
const ImportError = makeExc('ImportError', Exception);
const OSError = makeExc('OSError', Exception);
const ConnectionError = makeExc('ConnectionError', OSError);
const SyntaxError = makeExc('SyntaxError', Exception);
const IndentationError = makeExc('IndentationError', SyntaxError);

export const exc = {
  BaseException,
  Exception,
  ArithmeticError,
  ZeroDivisionError: makeExc('ZeroDivisionError', ArithmeticError),
  OverflowError: makeExc('OverflowError', ArithmeticError),
  FloatingPointError: makeExc('FloatingPointError', ArithmeticError),
  AssertionError: makeExc('AssertionError', Exception),
  AttributeError: makeExc('AttributeError', Exception),
  BufferError: makeExc('BufferError', Exception),
  EOFError: makeExc('EOFError', Exception),
  ImportError,
  OSError,
  EnvironmentError: OSError,
  IOError: OSError,
  PermissionError: makeExc('PermissionError', OSError),
  FileNotFoundError: makeExc('FileNotFoundError', OSError),
  FileExistsError: makeExc('FileExistsError', OSError),
  TimeoutError: makeExc('TimeoutError', OSError),
  ConnectionError,
  ConnectionRefusedError: makeExc('ConnectionRefusedError', ConnectionError),
  ModuleNotFoundError: makeExc('ModuleNotFoundError', ImportError),
  LookupError,
  IndexError: makeExc('IndexError', LookupError),
  KeyError: makeExc('KeyError', LookupError),
  MemoryError: makeExc('MemoryError', Exception),
  NameError,
  UnboundLocalError: makeExc('UnboundLocalError', NameError),
  RuntimeError,
  RecursionError: makeExc('RecursionError', RuntimeError),
  NotImplementedError: makeExc('NotImplementedError', RuntimeError),
  StopIteration: makeExc('StopIteration', Exception),
  SyntaxError,
  IndentationError,
  TabError: makeExc('TabError', IndentationError),
  SystemError: makeExc('SystemError', Exception),
  TypeError: makeExc('TypeError', Exception),
  ValueError,
  UnicodeError: makeExc('UnicodeError', ValueError),
  Warning: makeExc('Warning', Exception),

  KeyboardInterrupt: makeExc('KeyboardInterrupt', BaseException),
  SystemExit: makeExc('SystemExit', BaseException),
  GeneratorExit: makeExc('GeneratorExit', BaseException),
};

function TypeErrorCls(): PyClass { return exc.TypeError; }

/** Build a Python exception of class `cls` with one message argument. */
export function makeException(cls: PyClass, message: string): PyInstance {
  const inst = new PyInstance(cls);
  inst.attrs.set('args', new PyTuple([message]));
  return inst;
}

/** Build the JS throwable for a Python exception: `throw raise(exc.ValueError, '...')`. */
export function raise(cls: PyClass, message: string): PyError {
  return new PyError(makeException(cls, message));
}

export function raiseWith(cls: PyClass, args: Value[]): PyError {
  const inst = new PyInstance(cls);
  inst.attrs.set('args', new PyTuple(args));
  return new PyError(inst);
}

export function exceptionArgs(e: PyInstance): Value[] {
  const a = e.attrs.get('args');
  return a instanceof PyTuple ? a.items : [];
}

/** `str(exception)` for built-in exception behaviour (KeyError shows the repr of its key). */
export function exceptionStr(e: PyInstance): string {
  const args = exceptionArgs(e);
  if (args.length === 0) return '';
  if (args.length === 1) {
    return e.cls.isSubclassOf(exc.KeyError) ? pyRepr(args[0]) : pyStr(args[0]);
  }
  return pyStr(new PyTuple(args));
}

/** "ValueError: message" as CPython's traceback prints the last line ("ValueError" when the message is empty). */
export function formatException(v: Value): string {
  if (!(v instanceof PyInstance)) return pyStr(v);
  const text = pyStr(v);
  return text === '' ? v.cls.name : `${v.cls.name}: ${text}`;
}
