export function deepCopy<T>(value: T, _memo?: Map<unknown, unknown>): T { return value; }
export function copyAcrossBoundary<T>(value: T): T { return value; }
