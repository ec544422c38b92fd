// The system colour scheme (prefers-color-scheme), live.
import { useSyncExternalStore } from 'react';

export type ColorScheme = 'light' | 'dark';

const query = typeof window === 'undefined' ? null : window.matchMedia('(prefers-color-scheme: dark)');

function subscribe(onChange: () => void): () => void {
  query?.addEventListener('change', onChange);
  return () => query?.removeEventListener('change', onChange);
}

function readScheme(): ColorScheme {
  return query?.matches ? 'dark' : 'light';
}

export function useColorScheme(): ColorScheme {
  return useSyncExternalStore(subscribe, readScheme, () => 'light');
}
