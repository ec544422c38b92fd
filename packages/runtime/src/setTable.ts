export class PySetTable {}
