// The examples gallery, read from the shared corpus at build time: each
// corpus/NN-name folder contains entities.py, client.py, an optional README.md
// (first heading = title, first paragraph = note) and an optional
// faults.json (the suggested fault plan).
import type { SourceFiles } from '../workers/compilerProtocol.ts';

export interface Example {
  /** Folder name, e.g. `01-shop`; also the permalink's example id. */
  id: string;
  title: string;
  note: string;
  files: SourceFiles;
  /** The suggested fault plan as stored in faults.json, or null. */
  faults: unknown;
}

const entityFiles = import.meta.glob<string>('../../../../corpus/*/entities.py', { query: '?raw', import: 'default', eager: true });
const clientFiles = import.meta.glob<string>('../../../../corpus/*/client.py', { query: '?raw', import: 'default', eager: true });
const readmeFiles = import.meta.glob<string>('../../../../corpus/*/README.md', { query: '?raw', import: 'default', eager: true });
const faultFiles = import.meta.glob<string>('../../../../corpus/*/faults.json', { query: '?raw', import: 'default', eager: true });

function folderOf(path: string): string {
  const parts = path.split('/');
  return parts[parts.length - 2] ?? path;
}

function byFolder(files: Record<string, string>): Map<string, string> {
  return new Map(Object.entries(files).map(([path, text]) => [folderOf(path), text]));
}

function titleFromFolder(id: string): string {
  const words = id.replace(/^\d+-/, '').split('-');
  return words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(' ');
}

/** Title and note from a README: its first `#` heading and its first paragraph of prose. */
export function readReadme(markdown: string | undefined, fallbackTitle: string): { title: string; note: string } {
  if (!markdown) return { title: fallbackTitle, note: '' };
  const lines = markdown.split('\n');
  const heading = lines.find((line) => line.startsWith('# '));
  const paragraphs = markdown
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter((block) => block && !block.startsWith('#') && !block.startsWith('```') && !block.startsWith('|'));
  return {
    title: heading ? heading.slice(2).trim() : fallbackTitle,
    note: (paragraphs[0] ?? '').replace(/\s+/g, ' ').replace(/`/g, ''),
  };
}

function parseFaults(text: string | undefined): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function loadExamples(): Example[] {
  const entities = byFolder(entityFiles);
  const clients = byFolder(clientFiles);
  const readmes = byFolder(readmeFiles);
  const faults = byFolder(faultFiles);
  return [...entities.keys()]
    .filter((id) => /^\d+-/.test(id) && clients.has(id))
    .sort()
    .map((id) => ({
      id,
      ...readReadme(readmes.get(id), titleFromFolder(id)),
      files: { entities: entities.get(id) ?? '', client: clients.get(id) ?? '' },
      faults: parseFaults(faults.get(id)),
    }));
}

export const EXAMPLES: readonly Example[] = loadExamples();

export function findExample(id: string): Example | undefined {
  return EXAMPLES.find((example) => example.id === id);
}
