from typing import List

from stateflow import entity


class ParseError(Exception):
    pass


@entity
class Parser:
    def __init__(self, name: str):
        self.name: str = name

    def __key__(self):
        return self.name

    def parse(self, text: str) -> int:
        try:
            return int(text)
        except ValueError:
            raise ParseError(f"not a number: {text!r}")

    def parse_strict(self, text: str) -> int:
        try:
            return int(text)
        except ValueError as error:
            raise ParseError(f"strict: {text!r}") from error

    def parse_quiet(self, text: str) -> int:
        try:
            return int(text)
        except ValueError:
            raise ParseError(f"quiet: {text!r}") from None


@entity
class Reader:
    def __init__(self, name: str, parser: Parser):
        self.name: str = name
        self.parser: Parser = parser
        self.notes: List[str] = []

    def __key__(self):
        return self.name

    def describe(self, error: BaseException) -> str:
        cause = error.__cause__
        context = error.__context__
        return f"{type(error).__name__}({error}) cause={cause!r} context={context!r} suppress={error.__suppress_context__}"

    def read(self, mode: str, text: str) -> str:
        try:
            if mode == "plain":
                return str(self.parser.parse(text))
            if mode == "strict":
                return str(self.parser.parse_strict(text))
            return str(self.parser.parse_quiet(text))
        except ParseError as error:
            self.notes.append(self.describe(error))
            return "failed"

    def local(self) -> str:
        try:
            raise KeyError("no cause")
        except KeyError as error:
            return self.describe(error)
