// Parses and analyzes a source text for the analysis and split tests.
import { analyzeProgram } from '../../src/analysis/analyze.ts';
import type { AnalysisResult } from '../../src/analysis/model.ts';
import { parse } from '../../src/parse.ts';

export function analyzeSource(source: string): AnalysisResult {
  const parsed = parse(source);
  if (parsed.diagnostics.length > 0) {
    throw new Error(`test source has syntax errors: ${parsed.diagnostics.map((d) => `${d.line}: ${d.message}`).join('; ')}`);
  }
  return analyzeProgram(parsed.module, source);
}
