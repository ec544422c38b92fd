// The page has one simulator worker (and one for mode comparisons); panels
// that page through the trace or look up links share them.
import { ComparisonConnection, SimulatorConnection } from './simulatorConnection.ts';

let simulator: SimulatorConnection | null = null;
let comparison: ComparisonConnection | null = null;

export function getSimulator(): SimulatorConnection {
  simulator ??= new SimulatorConnection();
  return simulator;
}

export function getComparison(): ComparisonConnection {
  comparison ??= new ComparisonConnection();
  return comparison;
}
