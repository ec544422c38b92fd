from stateflow import entity


@entity
class Src:
    def __init__(self, name: str):
        self.name: str = name

    def __key__(self):
        return self.name

    def get(self) -> int:
        return 1

    def fail(self) -> int:
        raise ValueError("remote")

    def remote_in_handler(self, other: "Src") -> str:
        try:
            try:
                raise KeyError("k")
            except KeyError:
                other.fail()
        except ValueError as error:
            return repr(error.__context__) + repr(error.__cause__) + str(error.__suppress_context__)

    def stale(self, other: "Src") -> str:
        try:
            other.get()
            raise KeyError("k")
        except KeyError:
            pass
        other.get()
        try:
            raise
        except RuntimeError as e:
            return repr(e)

    def nested_then_bare(self, other: "Src") -> str:
        try:
            try:
                raise KeyError("outer")
            except KeyError:
                try:
                    other.get()
                    raise IndexError("inner")
                except IndexError:
                    other.get()
                raise
        except KeyError as e:
            return repr(e) + repr(e.__context__)

    def inner_context(self, other: "Src") -> str:
        try:
            try:
                raise KeyError("outer")
            except KeyError:
                try:
                    other.get()
                    raise IndexError("inner")
                except IndexError:
                    other.get()
                    raise TypeError("t")
        except TypeError as e:
            return repr(e.__context__) + repr(e.__context__.__context__)

    def in_loop(self, other: "Src") -> list:
        out = []
        for i in range(3):
            try:
                if i == 1:
                    raise KeyError(i)
                other.get()
            except KeyError:
                continue
            try:
                other.get()
                raise ValueError(i)
            except ValueError as e:
                out.append(repr(e.__context__))
        return out

    def from_none(self, other: "Src") -> str:
        try:
            try:
                raise KeyError("k")
            except KeyError:
                other.get()
                raise ValueError("v") from None
        except ValueError as e:
            return repr(e.__context__) + repr(e.__cause__) + str(e.__suppress_context__)

    def finally_after_handler(self, other: "Src") -> str:
        try:
            try:
                other.get()
                raise KeyError("k")
            except KeyError:
                other.get()
            finally:
                raise ValueError("f")
        except ValueError as e:
            return repr(e.__context__)

    def bare_raise_in_finally(self, other: "Src") -> str:
        try:
            try:
                other.get()
                raise KeyError("k")
            finally:
                other.get()
                raise
        except KeyError as e:
            return repr(e)
