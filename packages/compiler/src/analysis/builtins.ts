// Names of CPython 3.11 builtins that entity code may call. A call of one of
// these names (not shadowed by a local or module definition) is classified as
// a builtin call.

export const BUILTIN_NAMES: ReadonlySet<string> = new Set([
  'abs', 'all', 'any', 'ascii', 'bin', 'bool', 'bytearray', 'bytes', 'callable', 'chr', 'dict',
  'divmod', 'enumerate', 'filter', 'float', 'format', 'frozenset', 'getattr', 'hasattr', 'hash',
  'hex', 'id', 'int', 'isinstance', 'issubclass', 'iter', 'len', 'list', 'map', 'max', 'min',
  'next', 'object', 'oct', 'ord', 'pow', 'print', 'range', 'repr', 'reversed', 'round', 'set',
  'setattr', 'slice', 'sorted', 'str', 'sum', 'super', 'tuple', 'type', 'zip',
  'ArithmeticError', 'AssertionError', 'AttributeError', 'BaseException', 'Exception',
  'IndexError', 'KeyError', 'LookupError', 'NameError', 'NotImplementedError', 'OverflowError',
  'RecursionError', 'RuntimeError', 'StopIteration', 'TypeError', 'UnboundLocalError',
  'ValueError', 'ZeroDivisionError',
]);
