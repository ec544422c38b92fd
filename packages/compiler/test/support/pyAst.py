"""Print CPython's AST of a source file as JSON in the node shape of ast.ts.

Temporary bridge for tests written before the TypeScript parser existed:
reads the source from stdin, prints one JSON object. Positions become UTF-16
offsets into the source text, as ast.ts requires.
"""
import ast
import json
import sys

OPS = {
    ast.And: 'And', ast.Or: 'Or',
    ast.Add: 'Add', ast.Sub: 'Sub', ast.Mult: 'Mult', ast.MatMult: 'MatMult', ast.Div: 'Div',
    ast.Mod: 'Mod', ast.Pow: 'Pow', ast.LShift: 'LShift', ast.RShift: 'RShift', ast.BitOr: 'BitOr',
    ast.BitXor: 'BitXor', ast.BitAnd: 'BitAnd', ast.FloorDiv: 'FloorDiv',
    ast.Invert: 'Invert', ast.Not: 'Not', ast.UAdd: 'UAdd', ast.USub: 'USub',
    ast.Eq: 'Eq', ast.NotEq: 'NotEq', ast.Lt: 'Lt', ast.LtE: 'LtE', ast.Gt: 'Gt', ast.GtE: 'GtE',
    ast.Is: 'Is', ast.IsNot: 'IsNot', ast.In: 'In', ast.NotIn: 'NotIn',
    ast.Load: 'Load', ast.Store: 'Store', ast.Del: 'Del',
}


class Converter:
    def __init__(self, source):
        self.source = source
        self.lines = source.splitlines(keepends=True)
        self.line_starts = []
        offset = 0
        for line in self.lines:
            self.line_starts.append(offset)
            offset += utf16_length(line)
        self.line_starts.append(offset)

    def offset(self, lineno, col):
        if lineno - 1 >= len(self.lines):
            return self.line_starts[-1]
        line_bytes = self.lines[lineno - 1].encode('utf-8')
        return self.line_starts[lineno - 1] + utf16_length(line_bytes[:col].decode('utf-8'))

    def span_of(self, node):
        if getattr(node, 'lineno', None) is None:
            return None
        return (self.offset(node.lineno, node.col_offset), self.offset(node.end_lineno, node.end_col_offset))

    def convert(self, node):
        if isinstance(node, list):
            return [self.convert(item) for item in node]
        if node is None:
            return None
        if type(node) in OPS:
            return OPS[type(node)]
        if not isinstance(node, ast.AST):
            return node
        kind = type(node).__name__
        result = {'kind': kind}
        for field in node._fields:
            value = getattr(node, field)
            if kind == 'Constant' and field == 'value':
                result['value'] = constant_value(value)
            elif kind == 'Constant' and field == 'kind':
                result['constKind'] = value
            elif kind == 'match_case' and field == 'pattern':
                start, end = self.span_of(value)
                result['patternSpan'] = {'start': start, 'end': end}
            elif field == 'type_comment':
                continue
            else:
                result[field] = self.convert(value)
        span = self.span_of(node)
        if span is None:
            span = self.children_span(result)
        result['start'], result['end'] = span
        if kind in ('FunctionDef', 'AsyncFunctionDef', 'ClassDef'):
            keyword = {'FunctionDef': 'def', 'AsyncFunctionDef': 'def', 'ClassDef': 'class'}[kind]
            text = self.source
            index = text.index(keyword, span[0]) + len(keyword)
            index = text.index(node.name, index)
            result['nameSpan'] = {'start': index, 'end': index + len(node.name)}
        return result

    def children_span(self, converted):
        starts, ends = [], []
        for value in converted.values():
            items = value if isinstance(value, list) else [value]
            for item in items:
                if isinstance(item, dict) and 'start' in item:
                    starts.append(item['start'])
                    ends.append(item['end'])
        if not starts:
            return (0, 0)
        return (min(starts), max(ends))


def utf16_length(text):
    return len(text.encode('utf-16-le')) // 2


def constant_value(value):
    if value is None:
        return {'kind': 'None'}
    if value is Ellipsis:
        return {'kind': 'Ellipsis'}
    if isinstance(value, bool):
        return {'kind': 'bool', 'value': value}
    if isinstance(value, int):
        return {'kind': 'int', 'value': str(value)}
    if isinstance(value, float):
        return {'kind': 'float', 'value': value}
    if isinstance(value, complex):
        return {'kind': 'complex', 'imag': value.imag}
    if isinstance(value, str):
        return {'kind': 'str', 'value': value}
    if isinstance(value, bytes):
        return {'kind': 'bytes', 'value': list(value)}
    raise TypeError(f'unexpected constant {value!r}')


def main():
    source = sys.stdin.read()
    tree = ast.parse(source)
    print(json.dumps(Converter(source).convert(tree)))


main()
