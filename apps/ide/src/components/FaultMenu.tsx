import { useEffect, useRef } from 'react';
import { useMenuStore } from '../stores/menuStore.ts';
import { usePlaybackStore } from '../stores/playbackStore.ts';
import { recordCrash, recordLinkFault, recordPartition, recordSlow, RESTART_AFTER_TICKS } from '../sim/recordFault.ts';
import type { LinkFaultKind } from '../sim/recordFault.ts';

/** Renders the menu that a click on a worker or a graph edge opens; each item records a fault at the current step. */
export function FaultMenu() {
  const target = useMenuStore((state) => state.faultMenu);
  const close = useMenuStore((state) => state.closeFaultMenu);
  const showNotice = useMenuStore((state) => state.showNotice);
  const menuRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!target) return;
    menuRef.current?.querySelector('button')?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') close();
    };
    const onPointer = (event: PointerEvent) => {
      if (!menuRef.current?.contains(event.target as Node)) close();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerdown', onPointer, true);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', onPointer, true);
    };
  }, [target, close]);

  if (!target) return null;
  // Read, not subscribed: the menu must not re-render on every played frame.
  const step = usePlaybackStore.getState().step;

  const act = (action: () => void) => () => {
    action();
    close();
  };
  const linkAction = (kind: LinkFaultKind) => () => {
    if (target.kind !== 'edge') return;
    close();
    recordLinkFault(kind, target.fromNode, target.toNode, target.relation)
      .then((text) => showNotice(text))
      .catch((error: Error) => showNotice(`Could not plan the fault: ${error.message}`, 'error'));
  };

  const style = { left: Math.min(target.x, window.innerWidth - 280), top: Math.min(target.y, window.innerHeight - 200) };
  return (
    <div className="menu" role="menu" ref={menuRef} style={style} data-testid="fault.menu">
      <div className="menu-title">
        {target.kind === 'worker' ? `Worker w${target.worker}` : `${target.relation} ${target.label}`}
        <span className="muted"> · before step {step + 2}</span>
      </div>
      {target.kind === 'worker' ? (
        <>
          <button type="button" role="menuitem" data-testid="fault.crash" onClick={act(() => recordCrash(target.worker))}>
            Crash, restart after {RESTART_AFTER_TICKS} ticks
          </button>
          <button type="button" role="menuitem" data-testid="fault.crashLong" onClick={act(() => recordCrash(target.worker, RESTART_AFTER_TICKS * 10))}>
            Crash, restart after {RESTART_AFTER_TICKS * 10} ticks
          </button>
          <button type="button" role="menuitem" data-testid="fault.partition" onClick={act(() => recordPartition(target.worker))}>
            Partition from the other workers
          </button>
          <button type="button" role="menuitem" data-testid="fault.slow" onClick={act(() => recordSlow(target.worker))}>
            Slow down
          </button>
        </>
      ) : (
        <>
          <button type="button" role="menuitem" data-testid="fault.drop" onClick={linkAction('drop')}>
            Drop the next message on this link
          </button>
          <button type="button" role="menuitem" data-testid="fault.delay" onClick={linkAction('delay')}>
            Delay the next message on this link
          </button>
          <button type="button" role="menuitem" data-testid="fault.duplicate" onClick={linkAction('duplicate')}>
            Duplicate the next message on this link
          </button>
        </>
      )}
    </div>
  );
}
