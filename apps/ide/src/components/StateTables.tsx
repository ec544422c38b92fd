import { useMemo } from 'react';
import type { EntityView } from '@entflow/simulator';
import { useRunStore } from '../stores/runStore.ts';
import { formatValue } from '../sim/formatValue.ts';
import { Icon } from './Icon.tsx';

interface ClassTable {
  className: string;
  attributes: string[];
  rows: EntityView[];
}

function groupByClass(entities: readonly EntityView[]): ClassTable[] {
  const tables = new Map<string, ClassTable>();
  for (const entity of entities) {
    const table = tables.get(entity.className) ?? { className: entity.className, attributes: [], rows: [] };
    for (const attribute of Object.keys(entity.state)) {
      if (!table.attributes.includes(attribute)) table.attributes.push(attribute);
    }
    table.rows.push(entity);
    tables.set(entity.className, table);
  }
  return [...tables.values()];
}

/** Shows every entity's state at the current step and marks the values this step changed. */
export function StateTables() {
  const detail = useRunStore((state) => state.detail);
  const status = useRunStore((state) => state.status);
  const message = useRunStore((state) => state.message);
  const tables = useMemo(() => groupByClass(detail?.state.entities ?? []), [detail]);
  const changed = useMemo(() => new Set(detail?.changed ?? []), [detail]);

  if (!detail) {
    return <div className="pane-placeholder">{status === 'ready' ? 'Loading state…' : (message ?? 'No run yet.')}</div>;
  }
  if (tables.length === 0) {
    return (
      <div className="pane-placeholder" data-testid="state.empty">
        {detail.step < 0 ? 'Before the first step no entity exists yet.' : `No entity exists after step ${detail.step + 1}.`} Step forward or
        press Run.
      </div>
    );
  }

  return (
    <div className="state-tables" data-testid="state.tables">
      {tables.map((table) => (
        <table key={table.className} className="data-table" data-testid="state.table" data-class-name={table.className}>
          <caption>
            {table.className} <span className="muted">({table.rows.length})</span>
          </caption>
          <thead>
            <tr>
              <th scope="col">key</th>
              <th scope="col">worker</th>
              {table.attributes.map((attribute) => (
                <th key={attribute} scope="col">
                  {attribute}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((entity) => (
              <tr key={entity.id} className={changed.has(entity.id) ? 'is-changed' : undefined} data-entity={entity.id}>
                <th scope="row" className="mono">
                  {formatValue(entity.key)}
                  {entity.lockedBy !== null && (
                    <span className="chip chip-tx" title={`Locked by request ${entity.lockedBy}`}>
                      <Icon name="lock" size={11} /> r{entity.lockedBy}
                    </span>
                  )}
                </th>
                <td className="mono muted">w{entity.worker}</td>
                {table.attributes.map((attribute) => {
                  const isChanged = changed.has(`${entity.id}.${attribute}`);
                  return (
                    <td
                      key={attribute}
                      className={`mono${isChanged ? ' is-changed' : ''}`}
                      data-testid="state.cell"
                      data-attribute={attribute}
                    >
                      {formatValue(entity.state[attribute])}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </div>
  );
}
