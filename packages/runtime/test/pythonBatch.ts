// Runs many small Python snippets in ONE python3 process and returns what
// each printed (or its uncaught exception), for comparison with runSnippet.

import { spawnSync } from 'node:child_process';

export const PYTHON_REQUIRED = 'python3 (CPython 3.11) is required for this test';

const RUNNER = `
import sys, json, io, contextlib, signal
class SnippetTimeout(BaseException):
    pass
def on_alarm(signum, frame):
    raise SnippetTimeout()
signal.signal(signal.SIGALRM, on_alarm)
snippets = json.loads(sys.stdin.read())
results = []
for src in snippets:
    buf = io.StringIO()
    error = None
    try:
        signal.setitimer(signal.ITIMER_REAL, 2.0)
        try:
            with contextlib.redirect_stdout(buf):
                exec(compile(src, "snippet.py", "exec"), {"__name__": "__main__"})
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    except SnippetTimeout:
        error = "Timeout"
        # The alarm may fire inside redirect_stdout's exit, before it restores stdout.
        sys.stdout = sys.__stdout__
    except Exception as e:
        msg = str(e)
        error = f"{type(e).__name__}: {msg}" if msg else type(e).__name__
    out = buf.getvalue()
    lines = out.split("\\n")
    if lines and lines[-1] == "":
        lines.pop()
    results.append({"output": lines if out else [], "error": error})
sys.__stdout__.write(json.dumps(results))
`;

export interface PythonResult {
  output: string[];
  error: string | null;
}

export function runPythonBatch(snippets: string[]): PythonResult[] {
  const r = spawnSync('python3', ['-c', RUNNER], {
    input: JSON.stringify(snippets),
    encoding: 'utf8',
    env: { ...process.env, PYTHONHASHSEED: '0', PYTHONIOENCODING: 'utf-8' },
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.error) throw new Error(PYTHON_REQUIRED);
  if (r.status !== 0 || r.stdout === '') {
    throw new Error(`python3 failed (status ${r.status}, signal ${r.signal}, ${r.stdout.length} bytes of output): ${r.stderr.slice(-2000)}`);
  }
  return JSON.parse(r.stdout) as PythonResult[];
}
