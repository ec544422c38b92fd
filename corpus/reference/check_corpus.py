"""Run every corpus program on the reference harness and print a summary.

Usage:
    python3 corpus/reference/check_corpus.py            # compare with expected.json
    python3 corpus/reference/check_corpus.py --write    # regenerate expected.json

A program fails the check when the harness itself fails (a harnessError).
It also fails when the client ends with an uncaught exception, or an
invariant is violated, and the program is not listed below as intending it.
Without --write, a result that differs from expected.json fails too. The exit
status is 1 if any program fails.
"""

import os
import re
import sys

# Keep __pycache__ folders out of the corpus tree.
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from run_reference import ensure_hash_seed, run_scenario  # noqa: E402
from state_json import dumps_exact, loads_exact  # noqa: E402

CORPUS_DIRECTORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROGRAM_FOLDER_PATTERN = re.compile(r"^\d\d-[a-z0-9-]+$")
REQUIRED_FILES = ("entities.py", "client.py", "README.md")

# Programs whose client ends with an uncaught exception on purpose.
INTENDED_ERRORS = {
    "26-uncaught-error",
}

# Programs that violate an invariant on purpose.
INTENDED_VIOLATIONS = {
    "02-bank-transfer",
}


def list_programs():
    names = [
        name for name in sorted(os.listdir(CORPUS_DIRECTORY))
        if PROGRAM_FOLDER_PATTERN.match(name)
    ]
    return [(name, os.path.join(CORPUS_DIRECTORY, name)) for name in names]


def read_text(path):
    with open(path, encoding="utf-8") as file:
        return file.read()


def find_problems(name, directory, result, is_writing):
    problems = []
    for file_name in REQUIRED_FILES:
        if not os.path.exists(os.path.join(directory, file_name)):
            problems.append(f"{file_name} is missing")
    if "harnessError" in result:
        problems.append(f"harness error: {result['harnessError']}")
    if result["error"] is not None and name not in INTENDED_ERRORS:
        problems.append(f"unexpected client error: {result['error']}")
    if result["error"] is None and name in INTENDED_ERRORS:
        problems.append("the client was expected to end with an uncaught exception")
    if result["violations"] and name not in INTENDED_VIOLATIONS:
        problems.append(f"unexpected violations: {result['violations']}")
    if not result["violations"] and name in INTENDED_VIOLATIONS:
        problems.append("an invariant was expected to be violated")

    expected_path = os.path.join(directory, "expected.json")
    if not is_writing:
        if not os.path.exists(expected_path):
            problems.append("expected.json is missing: run with --write")
        elif loads_exact(read_text(expected_path)) != loads_exact(dumps_exact(result)):
            problems.append("result differs from expected.json")
    return problems


def main(argv):
    is_writing = "--write" in argv
    failed_count = 0
    programs = list_programs()
    for name, directory in programs:
        result = run_scenario(
            read_text(os.path.join(directory, "entities.py")),
            read_text(os.path.join(directory, "client.py")),
        )
        problems = find_problems(name, directory, result, is_writing)
        if is_writing and "harnessError" not in result:
            with open(os.path.join(directory, "expected.json"), "w", encoding="utf-8") as file:
                file.write(dumps_exact(result, indent=2) + "\n")

        summary = (
            f"{len(result['output'])} lines, {sum(len(v) for v in result['state'].values())} entities"
            + (f", error {result['error']!r}" if result["error"] else "")
            + (f", {len(result['violations'])} violations" if result["violations"] else "")
        )
        status = "FAIL" if problems else "ok"
        print(f"{status:4} {name}: {summary}")
        for problem in problems:
            print(f"     {problem}")
        failed_count += 1 if problems else 0

    print(f"{len(programs) - failed_count} passed, {failed_count} failed")
    return 1 if failed_count else 0


if __name__ == "__main__":
    ensure_hash_seed()
    sys.exit(main(sys.argv[1:]))
