// Small inline SVG icons: no icon font and no emoji, so they render the same
// on every system.
const PATHS = {
  first: 'M4 3h2v10H4zM13 3v10L7 8z',
  last: 'M10 3h2v10h-2zM3 3v10l6-5z',
  back: 'M11 3v10L5 8z',
  forward: 'M5 3v10l6-5z',
  play: 'M4 2.5v11l9.5-5.5z',
  pause: 'M4 3h3v10H4zM9 3h3v10H9z',
  link: 'M6.5 9.5l3-3M7 4.5l1.2-1.2a2.6 2.6 0 013.5 3.5L10.5 8M9 11.5l-1.2 1.2a2.6 2.6 0 01-3.5-3.5L5.5 8',
  lock: 'M4.5 7V5a3.5 3.5 0 017 0v2M3.5 7h9v6.5h-9z',
} as const;

export type IconName = keyof typeof PATHS;

const STROKED: ReadonlySet<IconName> = new Set(['link', 'lock']);

export function Icon({ name, size = 14 }: { name: IconName; size?: number }) {
  const isStroked = STROKED.has(name);
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 16 16"
      aria-hidden="true"
      className="icon"
      fill={isStroked ? 'none' : 'currentColor'}
      stroke={isStroked ? 'currentColor' : 'none'}
      strokeWidth={isStroked ? 1.6 : 0}
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
