import { useConfigStore } from '../stores/configStore.ts';

/**
 * The workers an operator's partitions run on. Every operator is partitioned
 * by key over all workers, so each chip is one worker's share of the class.
 */
export function WorkerChips({ className }: { className: string }) {
  const workers = useConfigStore((state) => state.workers);
  return (
    <footer className="ef-workers" aria-label={`Workers hosting ${className}`}>
      {Array.from({ length: workers }, (_, index) => (
        <span key={index} className="chip chip-worker" data-testid="graph.worker" data-worker={index}>
          w{index}
        </span>
      ))}
    </footer>
  );
}
