// Runs all three guarantee modes with the current seed, faults and settings.
import { useCompileStore } from '../stores/compileStore.ts';
import { useEditorStore } from '../stores/editorStore.ts';
import { readSettings } from '../stores/configStore.ts';
import { useFaultStore } from '../stores/faultStore.ts';
import { useVerdictStore } from '../stores/verdictStore.ts';
import { getComparison } from './simulatorSession.ts';
import { isSuperseded } from './simulatorConnection.ts';

export async function runComparison(): Promise<void> {
  const verdict = useVerdictStore.getState();
  const ir = useCompileStore.getState().output?.ir;
  if (!ir) {
    verdict.setProblem('failed', 'The program has errors; fix them to compare the modes.');
    return;
  }
  const settings = readSettings();
  const plan = useFaultStore.getState().plan;
  verdict.setRunning();
  try {
    const response = await getComparison().compare({
      program: ir,
      client: useEditorStore.getState().files.client,
      ...settings,
      faults: plan,
    });
    if ('unavailableReason' in response) verdict.setProblem('unavailable', response.unavailableReason);
    else verdict.setResult(response, { seed: settings.seed, faults: plan.faults.length, chaos: settings.chaos });
  } catch (error) {
    if (!isSuperseded(error)) verdict.setProblem('failed', `The comparison failed: ${(error as Error).message}`);
  }
}
