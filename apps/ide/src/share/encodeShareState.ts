// Permalink payloads. The state is JSON, compressed two ways: lz-string's
// URI-safe encoding and DEFLATE (fflate) in base64url. The shorter one wins;
// its first character names the encoding: `l` for lz-string, `d` for DEFLATE.
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { Inflate, deflateSync, strFromU8, strToU8 } from 'fflate';
import type { ParseResult, ShareState } from './shareState.ts';
import { parseShareState, storeFiles } from './shareState.ts';

export const HASH_KEY = 's';
/** Characters of a payload we try to decode; longer ones are rejected before any work. */
export const PAYLOAD_CHARS_MAX = 400_000;
/** Bytes of decompressed JSON; a larger result is rejected (a link cannot make the page allocate without bound). */
export const JSON_BYTES_MAX = 1_000_000;

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('the payload contains characters outside base64url');
  const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  const binary = atob(padded);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function inflateCapped(bytes: Uint8Array): string {
  const parts: Uint8Array[] = [];
  let total = 0;
  let isDone = false;
  const inflater = new Inflate((chunk, final) => {
    total += chunk.length;
    if (total > JSON_BYTES_MAX) throw new Error(`the link expands to more than ${JSON_BYTES_MAX} bytes`);
    parts.push(chunk);
    if (final) isDone = true;
  });
  inflater.push(bytes, true);
  if (!isDone) throw new Error('the compressed data is truncated');
  const joined = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return strFromU8(joined);
}

/** Inflates, naming a damaged stream as such (fflate's own messages read like "invalid block type"). */
function inflateDamageChecked(bytes: Uint8Array): string {
  try {
    return inflateCapped(bytes);
  } catch (error) {
    const message = (error as Error).message;
    if (message.startsWith('the ')) throw error;
    throw new Error(`the DEFLATE data is damaged or truncated (${message})`);
  }
}

export function encodeShareState(state: ShareState): string {
  const json = JSON.stringify({ ...state, files: storeFiles(state.files, state.exampleId) });
  const lz = `l${compressToEncodedURIComponent(json)}`;
  const deflated = `d${toBase64Url(deflateSync(strToU8(json), { level: 9 }))}`;
  return deflated.length < lz.length ? deflated : lz;
}

/** Decodes a payload made by encodeShareState (of any version); never throws. */
export function decodeShareState(payload: string): ParseResult {
  if (payload.length === 0) return { ok: false, error: 'the link carries no data' };
  if (payload.length > PAYLOAD_CHARS_MAX) return { ok: false, error: `the link is ${payload.length} characters long, at most ${PAYLOAD_CHARS_MAX} are read` };

  let json: string;
  try {
    const body = payload.slice(1);
    if (payload[0] === 'l') {
      const text = decompressFromEncodedURIComponent(body);
      if (!text) throw new Error('the lz-string data is damaged or truncated');
      if (text.length > JSON_BYTES_MAX) throw new Error(`the link expands to more than ${JSON_BYTES_MAX} characters`);
      json = text;
    } else if (payload[0] === 'd') {
      json = inflateDamageChecked(fromBase64Url(body));
    } else {
      throw new Error(`unknown encoding marker ${JSON.stringify(payload[0])} (expected "l" or "d")`);
    }
  } catch (error) {
    return { ok: false, error: (error as Error).message || 'the data could not be decompressed' };
  }

  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { ok: false, error: 'the decompressed data is not valid JSON (the link may be cut short)' };
  }
  return parseShareState(value);
}

/** Reads `#s=...` from a location hash; null when the hash carries no state. */
export function readHashPayload(hash: string): string | null {
  // Not URLSearchParams: it would turn lz-string's `+` into a space.
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  const prefix = `${HASH_KEY}=`;
  return body.startsWith(prefix) ? body.slice(prefix.length) : null;
}

export function buildPermalink(state: ShareState, base: string): string {
  return `${base}#${HASH_KEY}=${encodeShareState(state)}`;
}
