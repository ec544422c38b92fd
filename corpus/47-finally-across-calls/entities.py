from typing import List

from stateflow import entity


class Boom(Exception):
    pass


@entity
class Log:
    def __init__(self, name: str):
        self.name: str = name
        self.lines: List[str] = []

    def __key__(self):
        return self.name

    def add(self, line: str) -> int:
        self.lines.append(line)
        return len(self.lines)

    def fail(self, message: str) -> int:
        self.lines.append("fail " + message)
        raise Boom(message)


@entity
class Worker:
    def __init__(self, name: str, log: Log):
        self.name: str = name
        self.log: Log = log

    def __key__(self):
        return self.name

    def finally_with_pending(self) -> int:
        try:
            self.log.fail("first")
        finally:
            self.log.add("cleanup while Boom is pending")
        return 1

    def finally_return_swallows(self) -> str:
        try:
            self.log.fail("swallowed")
        finally:
            n = self.log.add("finally returns")
            return f"swallowed, log size {n}"

    def finally_return_overrides(self) -> str:
        try:
            return f"try value {self.log.add('try')}"
        finally:
            return f"finally value {self.log.add('finally')}"

    def handler_calls(self) -> str:
        try:
            self.log.fail("h")
        except Boom as error:
            n = self.log.add(f"handling {error}")
            if n > 0:
                return f"handled {error} at {n}"
        return "not reached"

    def handler_raises(self) -> str:
        try:
            self.log.fail("outer")
        except Boom:
            self.log.fail("inner")
        return "not reached"

    def else_calls(self) -> str:
        try:
            n = self.log.add("try body")
        except Boom:
            return "no"
        else:
            n = self.log.add(f"else after {n}")
        finally:
            self.log.add("finally after else")
        return f"else {n}"

    def loop_finally(self) -> List[str]:
        out = []
        for i in range(4):
            try:
                if i == 1:
                    continue
                if i == 3:
                    break
                out.append(f"body {self.log.add(str(i))}")
            finally:
                out.append(f"fin {i} {self.log.add('fin')}")
        return out

    def while_finally(self) -> int:
        count = 0
        while True:
            try:
                count += 1
                if self.log.add("w") > 100 or count == 3:
                    return count
            finally:
                self.log.add(f"while fin {count}")

    def nested_pending(self) -> str:
        try:
            try:
                self.log.fail("deep")
            finally:
                self.log.add("inner finally")
                try:
                    self.log.fail("in finally")
                except Boom as inner:
                    self.log.add(f"caught {inner} inside finally")
        except Boom as outer:
            return f"outer got {outer}"
        return "no"

    def exception_info(self) -> str:
        try:
            self.log.fail("x")
        except Boom as error:
            saved = error
        return f"{type(saved).__name__} {saved.args} {saved}"
