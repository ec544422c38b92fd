// Keeps the compiler output in step with the editor. The first edit after a
// pause compiles at once; edits that follow within DEBOUNCE_MS are folded
// into one request sent when typing pauses. One request is in flight at a
// time and only the newest text waits behind it, so the graph never lags
// behind a burst of typing by more than one compile.
import CompilerWorker from '../workers/compiler.worker.ts?worker';
import { WorkerClient } from '../workers/rpc.ts';
import type { CompilerProtocol, SourceFiles } from '../workers/compilerProtocol.ts';
import { useEditorStore } from '../stores/editorStore.ts';
import { useCompileStore } from '../stores/compileStore.ts';

const DEBOUNCE_MS = 100;

interface Job {
  files: SourceFiles;
  revision: number;
}

/**
 * Starts the compiler worker and keeps compiling as the files change. Called
 * once at startup, before the editor's code loads, so the first graph does
 * not wait for Monaco.
 */
export function startCompiler(): () => void {
  const client = new WorkerClient<CompilerProtocol>(new CompilerWorker({ name: 'compiler' }));
  const compileStore = useCompileStore.getState();
  let inFlight = false;
  let waiting: Job | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastEditAtMs = Number.NEGATIVE_INFINITY;

  const send = (job: Job): void => {
    inFlight = true;
    compileStore.setCompiling(true);
    client
      .request('compile', { files: job.files })
      .then((response) => {
        const current = useCompileStore.getState();
        if (job.revision <= current.revision) return;
        // An unchanged IR is not sent again: keep the one the page has.
        const output = response.isIrUnchanged ? { ...response, ir: current.output?.ir ?? null } : response;
        compileStore.setOutput(output, job.revision);
      })
      .catch((error: Error) => compileStore.setWorkerError(error.message))
      .finally(() => {
        inFlight = false;
        const next = waiting;
        waiting = null;
        if (next) send(next);
        else compileStore.setCompiling(false);
      });
  };

  const submit = (job: Job): void => {
    if (inFlight) waiting = job;
    else send(job);
  };

  const schedule = (job: Job): void => {
    const nowMs = performance.now();
    const isIdle = !inFlight && timer === undefined && nowMs - lastEditAtMs > DEBOUNCE_MS;
    lastEditAtMs = nowMs;
    if (isIdle) {
      submit(job);
      return;
    }
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      submit(job);
    }, DEBOUNCE_MS);
  };

  const initial = useEditorStore.getState();
  submit({ files: initial.files, revision: initial.editRevision });
  const unsubscribe = useEditorStore.subscribe((state, previous) => {
    if (state.files !== previous.files) schedule({ files: state.files, revision: state.editRevision });
  });

  return () => {
    unsubscribe();
    clearTimeout(timer);
    client.terminate();
  };
}
