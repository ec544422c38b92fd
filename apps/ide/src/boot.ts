// Work that starts before anything else is evaluated: main.tsx imports this
// module first, so the session is chosen and the compiler worker is loading
// while the (large) editor code is still being evaluated.
import { startSession } from './session/startSession.ts';
import { startCompiler } from './session/startCompiler.ts';

startSession();
startCompiler();
