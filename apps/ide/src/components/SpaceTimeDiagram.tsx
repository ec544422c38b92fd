import { useCallback, useEffect, useRef, useState } from 'react';
import { useRunStore } from '../stores/runStore.ts';
import { usePlaybackStore } from '../stores/playbackStore.ts';
import { useColorScheme } from '../hooks/useColorScheme.ts';
import { useElementSize } from '../hooks/useElementSize.ts';
import { jumpToStep } from '../sim/playbackCommands.ts';
import { GUTTER_WIDTH, drawSpaceTime, hitTest } from '../sim/drawSpaceTime.ts';
import type { SpaceTimeColors, SpaceTimeView } from '../sim/drawSpaceTime.ts';

const STEPS_IN_FIRST_VIEW = 240;
const ZOOM_FACTOR = 1.25;

function readColors(element: HTMLElement): SpaceTimeColors {
  const style = getComputedStyle(element);
  const read = (name: string) => style.getPropertyValue(name).trim();
  return {
    text: read('--fg'),
    muted: read('--fg-muted'),
    lane: read('--border'),
    arrow: read('--edge-call'),
    current: read('--exec'),
    fault: read('--error'),
    checkpoint: read('--ok'),
    background: read('--bg-pane'),
  };
}

/**
 * Workers and the other components as lanes, messages as arrows, faults and
 * checkpoints marked. Drawn on a canvas from the trace index; only the time
 * window in view is visited. Wheel pans, Ctrl+wheel zooms, click selects.
 */
export function SpaceTimeDiagram() {
  const summary = useRunStore((state) => state.summary);
  const runCount = useRunStore((state) => state.runCount);
  const step = usePlaybackStore((state) => state.step);
  const scheme = useColorScheme();
  const hostRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const { width, height } = useElementSize(hostRef);
  const [view, setView] = useState<Omit<SpaceTimeView, 'width' | 'height'>>({ startTime: 0, pixelsPerTick: 1 });
  const [isFollowing, setFollowing] = useState(true);
  const [info, setInfo] = useState('');
  const dragRef = useRef<{ x: number; startTime: number } | null>(null);
  const index = summary?.index ?? null;
  // Read once per colour scheme: getComputedStyle on every frame would force a style recalculation.
  const colorsRef = useRef<{ scheme: string; colors: SpaceTimeColors } | null>(null);

  // A new run opens on a window of a few hundred steps around the playhead.
  useEffect(() => {
    if (!index || width <= GUTTER_WIDTH) return;
    const total = index.time.length;
    const lastTime = total > 0 ? index.time[total - 1]! : 1;
    const spanSteps = Math.min(total, STEPS_IN_FIRST_VIEW);
    const spanTicks = Math.max(1, total > 0 ? index.time[Math.max(0, spanSteps - 1)]! - index.time[0]! : lastTime);
    setView({ startTime: total > 0 ? index.time[0]! : 0, pixelsPerTick: (width - GUTTER_WIDTH - 24) / spanTicks });
    // Only a new run resets the window; resizing keeps it.
  }, [runCount, index !== null]);

  // Following keeps the playhead inside the window.
  useEffect(() => {
    if (!index || !isFollowing || step < 0) return;
    const time = index.time[step]!;
    const plotTicks = (width - GUTTER_WIDTH) / view.pixelsPerTick;
    if (time < view.startTime || time > view.startTime + plotTicks * 0.9) {
      setView((old) => ({ ...old, startTime: time - plotTicks * 0.3 }));
    }
  }, [index, isFollowing, step, width, view.pixelsPerTick, view.startTime]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || !index || width === 0 || height === 0) return;
    const ratio = window.devicePixelRatio || 1;
    // Resizing the backing store reallocates it, so only on a size change.
    const pixelWidth = Math.round(width * ratio);
    const pixelHeight = Math.round(height * ratio);
    if (canvas.width !== pixelWidth) canvas.width = pixelWidth;
    if (canvas.height !== pixelHeight) canvas.height = pixelHeight;
    const context = canvas.getContext('2d');
    if (!context) return;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    if (colorsRef.current?.scheme !== scheme) colorsRef.current = { scheme, colors: readColors(canvas) };
    const drawn = drawSpaceTime(context, index, { ...view, width, height }, colorsRef.current.colors, step);
    const text = drawn.isDensity ? `${drawn.to - drawn.from} steps in view: zoom in (Ctrl+wheel) to see messages` : `${drawn.to - drawn.from} steps in view`;
    setInfo((old) => (old === text ? old : text));
  }, [index, view, width, height, step, scheme]);

  const handleWheel = useCallback(
    (event: React.WheelEvent<HTMLCanvasElement>) => {
      const rect = event.currentTarget.getBoundingClientRect();
      const x = event.clientX - rect.left;
      if (event.ctrlKey || event.metaKey) {
        const factor = event.deltaY < 0 ? ZOOM_FACTOR : 1 / ZOOM_FACTOR;
        setView((old) => {
          const anchor = old.startTime + (x - GUTTER_WIDTH) / old.pixelsPerTick;
          const pixelsPerTick = Math.min(400, Math.max(1e-5, old.pixelsPerTick * factor));
          return { pixelsPerTick, startTime: anchor - (x - GUTTER_WIDTH) / pixelsPerTick };
        });
      } else {
        const delta = Math.abs(event.deltaX) > Math.abs(event.deltaY) ? event.deltaX : event.deltaY;
        setFollowing(false);
        setView((old) => ({ ...old, startTime: old.startTime + delta / old.pixelsPerTick }));
      }
    },
    [],
  );

  if (!index) return <div className="pane-placeholder">No run yet.</div>;

  const fullView: SpaceTimeView = { ...view, width, height };
  return (
    <div className="space-time" data-testid="spacetime.pane">
      <div className="space-time-bar">
        <label className="field switch">
          <input type="checkbox" checked={isFollowing} onChange={(event) => setFollowing(event.target.checked)} data-testid="spacetime.follow" />
          follow playhead
        </label>
        <button type="button" className="btn btn-icon" title="Zoom in" onClick={() => setView((old) => ({ ...old, pixelsPerTick: old.pixelsPerTick * ZOOM_FACTOR }))}>
          +
        </button>
        <button type="button" className="btn btn-icon" title="Zoom out" onClick={() => setView((old) => ({ ...old, pixelsPerTick: old.pixelsPerTick / ZOOM_FACTOR }))}>
          −
        </button>
        <span className="muted" data-testid="spacetime.info">
          {info}
        </span>
        <span className="legend">
          <span className="legend-arrow">→ message</span>
          <span className="legend-fault">⚡ fault</span>
          <span className="legend-checkpoint">✓ checkpoint</span>
        </span>
      </div>
      <div className="space-time-host" ref={hostRef}>
        <canvas
          ref={canvasRef}
          style={{ width, height }}
          data-testid="spacetime.canvas"
          onWheel={handleWheel}
          onMouseDown={(event) => {
            dragRef.current = { x: event.clientX, startTime: view.startTime };
          }}
          onMouseMove={(event) => {
            const drag = dragRef.current;
            if (!drag || (event.buttons & 1) === 0) return;
            if (Math.abs(event.clientX - drag.x) > 3) setFollowing(false);
            setView((old) => ({ ...old, startTime: drag.startTime - (event.clientX - drag.x) / old.pixelsPerTick }));
          }}
          onMouseUp={(event) => {
            const drag = dragRef.current;
            dragRef.current = null;
            if (drag && Math.abs(event.clientX - drag.x) > 3) return;
            const rect = event.currentTarget.getBoundingClientRect();
            const hit = hitTest(index, fullView, event.clientX - rect.left, event.clientY - rect.top);
            if (hit !== null) jumpToStep(hit);
          }}
        />
      </div>
    </div>
  );
}
