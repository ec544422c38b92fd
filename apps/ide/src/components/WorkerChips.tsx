import { useConfigStore } from '../stores/configStore.ts';
import { useRunStore } from '../stores/runStore.ts';
import { useMenuStore } from '../stores/menuStore.ts';

/**
 * Lists the workers an operator's partitions run on: every operator is partitioned
 * by key over all workers. A click opens the fault menu for that worker.
 */
export function WorkerChips({ className }: { className: string }) {
  const workers = useConfigStore((state) => state.workers);
  const workerViews = useRunStore((state) => state.detail?.state.workers);
  const entityCounts = useRunStore((state) => state.detail?.state.entities);
  const openFaultMenu = useMenuStore((state) => state.openFaultMenu);

  return (
    <footer className="ef-workers" aria-label={`Workers hosting ${className}`}>
      {Array.from({ length: workers }, (_, index) => {
        const view = workerViews?.find((worker) => worker.index === index);
        const isDown = view ? !view.isUp : false;
        const hosted = entityCounts?.filter((entity) => entity.className === className && entity.worker === index).length ?? 0;
        return (
          <button
            type="button"
            key={index}
            className={`chip chip-worker nodrag${isDown ? ' is-down' : ''}`}
            data-testid="graph.worker"
            data-worker={index}
            data-down={isDown}
            title={`w${index}: ${hosted} ${className} entit${hosted === 1 ? 'y' : 'ies'}${isDown ? ', crashed' : ''}${view ? `, ${view.queueLength} queued` : ''}. Click to inject a fault.`}
            onClick={(event) => {
              event.stopPropagation();
              openFaultMenu({ kind: 'worker', worker: index, x: event.clientX, y: event.clientY + 8 });
            }}
          >
            w{index}
            {hosted > 0 && <span className="chip-count">{hosted}</span>}
          </button>
        );
      })}
    </footer>
  );
}
