// Placeholder until the interpreter lands.
/* eslint-disable */
function todo(): never { throw new Error('runtime: not implemented yet'); }
export const loadProgram = (..._a: unknown[]): any => todo();
export const invokeMethod = (..._a: unknown[]): any => todo();
export const resumeMethod = (..._a: unknown[]): any => todo();
export const constructEntity = (..._a: unknown[]): any => todo();
export const readAttribute = (..._a: unknown[]): any => todo();
export const startClient = (..._a: unknown[]): any => todo();
export const evaluateInvariant = (..._a: unknown[]): any => todo();
export const frameVariables = (..._a: unknown[]): any => todo();
