"""Reference parses by CPython for the parser tests.

Reads a JSON object {"sources": [str], "attributes": bool} on stdin and
writes a JSON object {"version": str, "results": [...]} on stdout, one result
per source: {"ok": true, "dump": str, "attributes": str | null} when CPython
parses it, else {"ok": false, "line": int | null, "message": str, "type": str}.

Match patterns print as MatchPattern(start=S, end=E) with UTF-16 offsets,
because the Entflow tree keeps only their spans.
"""

import ast
import json
import sys
import warnings


class MatchPattern(ast.AST):
    _fields = ("start", "end")
    _attributes = ()


def line_starts(source):
    starts = [0]
    i = 0
    while i < len(source):
        char = source[i]
        if char == "\n":
            starts.append(i + 1)
        elif char == "\r":
            if i + 1 < len(source) and source[i + 1] == "\n":
                i += 1
            starts.append(i + 1)
        i += 1
    return starts


def utf16_length(text):
    return sum(2 if ord(char) > 0xFFFF else 1 for char in text)


def to_offset(source, starts, line, byte_column):
    start = starts[line - 1]
    end = starts[line] if line < len(starts) else len(source)
    prefix = source[start:end].encode("utf-8", "surrogatepass")[:byte_column]
    return utf16_length(source[:start]) + utf16_length(prefix.decode("utf-8", "surrogatepass"))


def replace_patterns(tree, source):
    starts = line_starts(source)
    for node in ast.walk(tree):
        if isinstance(node, ast.match_case):
            pattern = node.pattern
            start = to_offset(source, starts, pattern.lineno, pattern.col_offset)
            end = to_offset(source, starts, pattern.end_lineno, pattern.end_col_offset)
            node.pattern = MatchPattern(start=start, end=end)


def parse_one(source, with_attributes):
    try:
        tree = compile(source, "<fixture>", "exec", ast.PyCF_ONLY_AST)
    except SyntaxError as error:
        return {"ok": False, "line": error.lineno, "message": error.msg, "type": type(error).__name__}
    except (ValueError, RecursionError, MemoryError) as error:
        return {"ok": False, "line": None, "message": str(error), "type": type(error).__name__}
    replace_patterns(tree, source)
    return {
        "ok": True,
        "dump": ast.dump(tree),
        "attributes": ast.dump(tree, include_attributes=True) if with_attributes else None,
    }


def main():
    warnings.simplefilter("ignore")
    sys.setrecursionlimit(10000)
    request = json.load(sys.stdin)
    results = [parse_one(source, request.get("attributes", False)) for source in request["sources"]]
    json.dump({"version": sys.version.split()[0], "results": results}, sys.stdout)


main()
