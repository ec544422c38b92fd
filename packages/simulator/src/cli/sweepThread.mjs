// Worker-thread entry of a parallel sweep: loads the TypeScript sources
// through tsx, then runs the seeds it was given.
import { register } from 'tsx/esm/api';

register();
const { runThread } = await import('./sweepThreadMain.ts');
runThread();
