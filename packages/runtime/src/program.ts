import type { ProgramIR } from '@entflow/compiler';
export class RuntimeProgram { constructor(readonly ir: ProgramIR) {} }
