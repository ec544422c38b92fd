import { useEffect, useReducer, useRef, useState } from 'react';
import { useRunStore } from '../stores/runStore.ts';
import { getLogRow } from '../sim/traceCache.ts';
import { usePlayheadStep } from '../hooks/usePlayheadStep.ts';
import { jumpToStep } from '../sim/playbackCommands.ts';
import { useElementSize } from '../hooks/useElementSize.ts';

const ROW_HEIGHT = 22;
const OVERSCAN_ROWS = 8;
const LOG_REFRESH_WHILE_PLAYING_MS = 100;

/**
 * Lists every trace event, one row each. Only the rows in view are rendered and
 * their events fetched, so a 100,000-event run scrolls like a short one.
 */
export function MessageLog() {
  const stepCount = useRunStore((state) => state.summary?.stepCount ?? 0);
  const runCount = useRunStore((state) => state.runCount);
  // While a run plays, the log follows the playhead ten times a second:
  // faster is a blur and costs a re-render of every row on every frame.
  const step = usePlayheadStep(LOG_REFRESH_WHILE_PLAYING_MS);
  const scrollerRef = useRef<HTMLDivElement>(null);
  const { height } = useElementSize(scrollerRef);
  const [scrollTop, setScrollTop] = useState(0);
  const [, refresh] = useReducer((count: number) => count + 1, 0);

  useEffect(() => {
    const scroller = scrollerRef.current;
    if (!scroller || step < 0) return;
    const rowTop = step * ROW_HEIGHT;
    if (rowTop < scroller.scrollTop || rowTop + ROW_HEIGHT > scroller.scrollTop + scroller.clientHeight) {
      scroller.scrollTop = Math.max(0, rowTop - scroller.clientHeight / 2);
    }
  }, [step]);

  if (stepCount === 0) return <div className="pane-placeholder">No run yet.</div>;

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN_ROWS);
  const last = Math.min(stepCount - 1, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN_ROWS);
  const rows = [];
  for (let index = first; index <= last; index++) {
    const row = getLogRow(runCount, index, refresh);
    const classes = ['log-row'];
    if (index === step) classes.push('is-current');
    if (row?.hasFault) classes.push('has-fault');
    rows.push(
      <div
        key={index}
        role="row"
        className={classes.join(' ')}
        style={{ top: index * ROW_HEIGHT }}
        data-testid="log.row"
        data-step={index}
        onClick={() => jumpToStep(index)}
      >
        <span className="log-step">{index + 1}</span>
        <span className="log-time">{row?.time ?? ''}</span>
        <span className="log-component">{row?.component ?? ''}</span>
        <span className={`log-kind log-kind-${row?.kind ?? 'loading'}`}>{row?.kind ?? '…'}</span>
        <span className="log-text">{row ? row.text : 'loading…'}</span>
      </div>,
    );
  }

  return (
    <div className="message-log" data-testid="log.pane">
      <div className="log-header" role="row">
        <span className="log-step">step</span>
        <span className="log-time">tick</span>
        <span className="log-component">where</span>
        <span className="log-kind">event</span>
        <span className="log-text">message</span>
      </div>
      <div className="log-scroller" ref={scrollerRef} role="grid" aria-rowcount={stepCount} onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}>
        <div className="log-canvas" style={{ height: stepCount * ROW_HEIGHT }}>
          {rows}
        </div>
      </div>
    </div>
  );
}
