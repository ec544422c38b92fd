// The state a permalink and the autosave carry, with its versions. Every
// version ever written can still be opened: older ones are migrated step by
// step to the current one, and anything malformed is rejected with a reason.
import type { FaultPlan, GuaranteeMode } from '@entflow/simulator';
import type { SourceFiles } from '../workers/compilerProtocol.ts';
import type { RunSettings } from '../stores/configStore.ts';
import { GUARANTEE_MODES, SEED_MAX, WORKERS_MAX, WORKERS_MIN } from '../stores/configStore.ts';
import { checkFaultPlan } from '../sim/faultPlan.ts';
import { findExample } from '../examples/gallery.ts';

export const SHARE_VERSION = 2;
/** Characters of one source file a link may carry. */
export const FILE_CHARS_MAX = 200_000;

/** Version 2 (current). */
export interface ShareState {
  v: 2;
  files: SourceFiles;
  settings: RunSettings;
  faults: FaultPlan;
  /** Trace index on screen; -1 is before the first event. */
  step: number;
  /** Gallery example the files came from, or null. */
  exampleId: string | null;
}

/**
 * Version 1: flat fields with short names, no chaos switch, no example id,
 * and the fault list without its `{faults}` wrapper.
 */
export interface ShareStateV1 {
  v: 1;
  e: string;
  c: string;
  mode: GuaranteeMode;
  seed: number;
  workers: number;
  faults: unknown[];
  step: number;
}

export type ParseResult = { ok: true; state: ShareState; warning?: string } | { ok: false; error: string };

/**
 * The files as version 2 stores them in a link: the text itself, or, for an
 * unchanged gallery example, its id and a hash of its text (so gallery links
 * stay short, and a link made before the example changed is reported).
 */
export type StoredFiles = SourceFiles | { fromExample: string; hash: string };

/** FNV-1a (32 bit) of both files, as 8 hex digits. */
export function hashFiles(files: SourceFiles): string {
  let hash = 0x811c9dc5;
  const text = `${files.entities}\u0000${files.client}`;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** Returns the files as a link stores them: by reference when they are an unchanged example. */
export function storeFiles(files: SourceFiles, exampleId: string | null): StoredFiles {
  const example = exampleId ? findExample(exampleId) : undefined;
  if (example && example.files.entities === files.entities && example.files.client === files.client) {
    return { fromExample: example.id, hash: hashFiles(files) };
  }
  return files;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function migrateV1(old: Record<string, unknown>): Record<string, unknown> {
  return {
    v: 2,
    files: { entities: old.e, client: old.c },
    settings: { mode: old.mode, seed: old.seed, workers: old.workers, chaos: false },
    faults: { faults: old.faults },
    step: old.step,
    exampleId: null,
  };
}

/** Migrations from version N to N + 1, by N. */
const MIGRATIONS: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {
  1: migrateV1,
};

function checkFiles(value: unknown): { files: SourceFiles; warning?: string } | string {
  if (!isRecord(value)) return 'files: expected {"entities": ..., "client": ...}';
  if (typeof value.fromExample === 'string') {
    const example = findExample(value.fromExample);
    if (!example) return `files: the link refers to the example "${value.fromExample}", which this IDE does not have`;
    const files = { ...example.files };
    const warning =
      value.hash === hashFiles(files)
        ? undefined
        : `the example "${example.title}" has changed since this link was made, so its current text is shown`;
    return { files, warning };
  }
  for (const name of ['entities', 'client'] as const) {
    const text = value[name];
    if (typeof text !== 'string') return `files.${name}: expected text, got ${typeof text}`;
    if (text.length > FILE_CHARS_MAX) return `files.${name}: ${text.length} characters, at most ${FILE_CHARS_MAX} are allowed`;
  }
  return { files: { entities: value.entities as string, client: value.client as string } };
}

function checkSettings(value: unknown): RunSettings | string {
  if (!isRecord(value)) return 'settings: expected an object';
  const { mode, seed, workers, chaos } = value;
  if (!GUARANTEE_MODES.includes(mode as GuaranteeMode)) return `settings.mode: expected one of ${GUARANTEE_MODES.join(', ')}, got ${JSON.stringify(mode)}`;
  if (!Number.isInteger(seed) || (seed as number) < 0 || (seed as number) > SEED_MAX) return `settings.seed: expected an integer from 0 to ${SEED_MAX}, got ${JSON.stringify(seed)}`;
  if (!Number.isInteger(workers) || (workers as number) < WORKERS_MIN || (workers as number) > WORKERS_MAX) {
    return `settings.workers: expected an integer from ${WORKERS_MIN} to ${WORKERS_MAX}, got ${JSON.stringify(workers)}`;
  }
  if (typeof chaos !== 'boolean') return `settings.chaos: expected true or false, got ${JSON.stringify(chaos)}`;
  return { mode: mode as GuaranteeMode, seed: seed as number, workers: workers as number, chaos };
}

/** Checks a decoded value and migrates it to the current version. */
export function parseShareState(value: unknown): ParseResult {
  if (!isRecord(value)) return { ok: false, error: 'expected a JSON object' };
  let current: Record<string, unknown> = value;
  const version = current.v;
  if (!Number.isInteger(version) || (version as number) < 1) return { ok: false, error: `unknown format version ${JSON.stringify(version)}` };
  if ((version as number) > SHARE_VERSION) {
    return { ok: false, error: `format version ${String(version)} is newer than this IDE understands (${SHARE_VERSION}); reload to get the newest IDE` };
  }
  while ((current.v as number) < SHARE_VERSION) {
    const migrate = MIGRATIONS[current.v as number];
    if (!migrate) return { ok: false, error: `no migration from format version ${String(current.v)}` };
    current = migrate(current);
  }

  const files = checkFiles(current.files);
  if (typeof files === 'string') return { ok: false, error: files };
  const settings = checkSettings(current.settings);
  if (typeof settings === 'string') return { ok: false, error: settings };
  const faults = checkFaultPlan(current.faults);
  if (!faults.ok) return { ok: false, error: `faults: ${faults.errors[0]}` };
  const step = current.step;
  if (!Number.isInteger(step) || (step as number) < -1) return { ok: false, error: `step: expected an integer of at least -1, got ${JSON.stringify(step)}` };
  const exampleId = current.exampleId ?? null;
  if (exampleId !== null && typeof exampleId !== 'string') return { ok: false, error: 'exampleId: expected text or null' };

  const state: ShareState = { v: 2, files: files.files, settings, faults: faults.plan, step: step as number, exampleId };
  return files.warning ? { ok: true, state, warning: files.warning } : { ok: true, state };
}
