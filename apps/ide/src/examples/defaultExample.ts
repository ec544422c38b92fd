import { EXAMPLES } from './gallery.ts';
import type { Example } from './gallery.ts';
import { STARTER_EXAMPLE } from './starter.ts';

/** The example a first visit, a broken link or "reset" loads: the shop if the corpus has one. */
export function getDefaultExample(): Example {
  return EXAMPLES.find((example) => example.id.includes('shop')) ?? EXAMPLES[0] ?? STARTER_EXAMPLE;
}
