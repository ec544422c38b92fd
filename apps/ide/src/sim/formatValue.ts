// Entity values as a Python programmer reads them.
import type { JsonValue } from '@entflow/simulator';

const TEXT_CHARS_MAX = 120;

export function isReference(value: JsonValue | undefined): value is { $ref: string } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof value.$ref === 'string' && Object.keys(value).length === 1;
}

function quote(text: string): string {
  const useDouble = text.includes("'") && !text.includes('"');
  const delimiter = useDouble ? '"' : "'";
  const escaped = text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(new RegExp(delimiter, 'g'), `\\${delimiter}`);
  return `${delimiter}${escaped}${delimiter}`;
}

function format(value: JsonValue | undefined): string {
  if (value === undefined) return '—';
  if (value === null) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return quote(value);
  if (Array.isArray(value)) return `[${value.map(format).join(', ')}]`;
  if (isReference(value)) return `→ ${value.$ref}`;
  return `{${Object.entries(value)
    .map(([key, item]) => `${quote(key)}: ${format(item)}`)
    .join(', ')}}`;
}

export function formatValue(value: JsonValue | undefined): string {
  const text = format(value);
  return text.length > TEXT_CHARS_MAX ? `${text.slice(0, TEXT_CHARS_MAX - 1)}…` : text;
}
