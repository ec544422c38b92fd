"""Run an Entflow program and its client script on CPython and print JSON.

Usage:
    python3 run_reference.py ENTITIES.py CLIENT.py [--timeout SECONDS]
    python3 run_reference.py --batch [--timeout SECONDS] < scenarios.json

A single run prints one JSON object:
    {"output": [lines], "state": {Class: {key: {attr: value}}},
     "error": "ExcClass: message" or null, "violations": [...]}
`--batch` reads a JSON list of {"entities": source, "client": source} from
stdin and prints a JSON list of those objects, one scenario per line, so
that many programs share one Python start-up. Each scenario gets a fresh
registry and fresh module namespaces.

A result may carry "harnessError" when the scenario could not be judged at
all (it timed out, or its state could not be converted). The exit status is
0 unless the command line or the batch input is invalid.

The process re-executes itself with PYTHONHASHSEED=0 when that variable has
another value, so str hashes, and with them set iteration order, are the
same on every run.
"""

import contextlib
import inspect
import io
import json
import os
import signal
import sys
import types
import typing

# Keep __pycache__ folders out of the corpus tree.
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import stateflow  # noqa: E402
from state_json import collect_state, dumps_exact  # noqa: E402

DEFAULT_TIMEOUT_SECONDS = 20


class ScenarioTimeout(BaseException):
    """Raised by the interval timer. A BaseException, so `except Exception`
    in the program under test cannot swallow it."""


def format_exception(error):
    """Return the last line CPython prints for an uncaught exception."""
    message = str(error)
    name = type(error).__name__
    return f"{name}: {message}" if message else name


@contextlib.contextmanager
def time_limit(seconds):
    def on_alarm(signum, frame):
        raise ScenarioTimeout()

    previous_handler = signal.signal(signal.SIGALRM, on_alarm)
    # The timer repeats, so a bare `except:` in the program cannot outlive it.
    signal.setitimer(signal.ITIMER_REAL, seconds, 0.5)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous_handler)


def split_output(text):
    """Split captured stdout into lines. A final line without a newline is kept."""
    if text == "":
        return []
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
    return lines


def resolve_annotation(annotation, namespace):
    if isinstance(annotation, str):
        return eval(annotation, namespace)
    if isinstance(annotation, typing.ForwardRef):
        return eval(annotation.__forward_arg__, namespace)
    return annotation


def invariant_arguments(function, namespace):
    """Return the list of entities for each parameter of an invariant.

    Each parameter must be annotated List[C] or list[C] with C an entity
    class. It receives every registered instance of exactly C (not of its
    subclasses), in registration order.
    """
    arguments = []
    for parameter in inspect.signature(function).parameters.values():
        annotation = resolve_annotation(parameter.annotation, namespace)
        element_types = typing.get_args(annotation)
        is_list = typing.get_origin(annotation) is list and len(element_types) == 1
        element_type = resolve_annotation(element_types[0], namespace) if is_list else None
        if not (isinstance(element_type, type) and getattr(element_type, "_stateflow_entity", False)):
            raise TypeError(
                f"invariant parameter {parameter.name!r} must be annotated "
                "List[C] with C an entity class, e.g. accounts: List[Account]"
            )
        arguments.append([
            instance
            for _, _, instance in stateflow.registered_entities()
            if type(instance) is element_type
        ])
    return arguments


def check_invariants(namespace):
    """Evaluate every @invariant function of the entities module, in definition order.

    Invariants run as client code, and whatever they print is discarded.
    """
    violations = []
    for name, function in list(namespace.items()):
        if not stateflow.is_invariant(function):
            continue
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                arguments = invariant_arguments(function, namespace)
                outcome = function(*arguments)
        except Exception as error:
            violations.append({"kind": "invariant", "name": name, "message": f"raised {format_exception(error)}"})
            continue
        if not outcome:
            violations.append({"kind": "invariant", "name": name, "message": f"returned {outcome!r}"})
    return violations


def execute_program(entities_source, client_source, result):
    """Run both files and return the entities namespace, or None if it failed to load.

    An uncaught exception of either file goes to result["error"].
    """
    module = types.ModuleType("entities")
    module.__file__ = "entities.py"
    sys.modules["entities"] = module
    try:
        exec(compile(entities_source, "entities.py", "exec"), module.__dict__)
    except Exception as error:
        result["error"] = format_exception(error)
        return None

    client_globals = dict(module.__dict__)
    client_globals["__name__"] = "__main__"
    client_globals["__file__"] = "client.py"
    client_globals["client_id"] = 0
    try:
        exec(compile(client_source, "client.py", "exec"), client_globals)
    except Exception as error:
        result["error"] = format_exception(error)
    return module.__dict__


def run_scenario(entities_source, client_source, timeout_seconds=DEFAULT_TIMEOUT_SECONDS):
    """Run one scenario in isolation and return its result object."""
    stateflow.reset()
    result = {"output": [], "state": {}, "error": None, "violations": []}
    captured = io.StringIO()
    try:
        with time_limit(timeout_seconds), contextlib.redirect_stdout(captured):
            namespace = execute_program(entities_source, client_source, result)
            result["state"] = collect_state()
            if namespace is not None:
                result["violations"] = check_invariants(namespace)
    except ScenarioTimeout:
        result["harnessError"] = f"scenario timed out after {timeout_seconds:g} s"
    except Exception as error:
        result["harnessError"] = f"the harness failed: {format_exception(error)}"
    finally:
        sys.modules.pop("entities", None)
        stateflow.reset()

    result["output"] = split_output(captured.getvalue())
    return result


def run_batch(scenarios, timeout_seconds=DEFAULT_TIMEOUT_SECONDS):
    return [
        run_scenario(scenario["entities"], scenario["client"], timeout_seconds)
        for scenario in scenarios
    ]


def read_batch_input(text):
    scenarios = json.loads(text)
    if not isinstance(scenarios, list):
        raise ValueError("batch input must be a JSON list of {\"entities\": ..., \"client\": ...}")
    for index, scenario in enumerate(scenarios):
        is_valid = (
            isinstance(scenario, dict)
            and isinstance(scenario.get("entities"), str)
            and isinstance(scenario.get("client"), str)
        )
        if not is_valid:
            raise ValueError(f"batch scenario {index} needs string fields \"entities\" and \"client\"")
    return scenarios


def ensure_hash_seed():
    if os.environ.get("PYTHONHASHSEED") != "0":
        environment = dict(os.environ, PYTHONHASHSEED="0")
        os.execve(sys.executable, [sys.executable, *sys.argv], environment)


def warn_on_other_python():
    if sys.version_info[:2] != (3, 11):
        version = ".".join(str(part) for part in sys.version_info[:3])
        print(
            f"warning: the reference is CPython 3.11, this is {version}; "
            "error messages and reprs may differ",
            file=sys.stderr,
        )


def parse_arguments(argv):
    timeout_seconds = DEFAULT_TIMEOUT_SECONDS
    positional = []
    is_batch = False
    index = 0
    while index < len(argv):
        argument = argv[index]
        if argument == "--batch":
            is_batch = True
        elif argument == "--timeout" and index + 1 < len(argv):
            timeout_seconds = float(argv[index + 1])
            index += 1
        else:
            positional.append(argument)
        index += 1
    return is_batch, timeout_seconds, positional


def main(argv):
    is_batch, timeout_seconds, positional = parse_arguments(argv)
    if is_batch and not positional:
        scenarios = read_batch_input(sys.stdin.read())
        results = run_batch(scenarios, timeout_seconds)
        lines = [dumps_exact(result) for result in results]
        sys.stdout.write("[\n" + ",\n".join(lines) + "\n]\n" if lines else "[]\n")
        return 0
    if not is_batch and len(positional) == 2:
        with open(positional[0], encoding="utf-8") as entities_file:
            entities_source = entities_file.read()
        with open(positional[1], encoding="utf-8") as client_file:
            client_source = client_file.read()
        sys.stdout.write(dumps_exact(run_scenario(entities_source, client_source, timeout_seconds)) + "\n")
        return 0
    print(__doc__.split("\n\n")[1], file=sys.stderr)
    return 2


if __name__ == "__main__":
    ensure_hash_seed()
    warn_on_other_python()
    try:
        sys.exit(main(sys.argv[1:]))
    except (OSError, ValueError) as error:
        print(f"run_reference: {error}", file=sys.stderr)
        sys.exit(2)
