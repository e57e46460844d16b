import { type z } from 'zod';
import { KnowledgeFileError, lineOf } from '../data-file';
import type { Cites } from './compile-rules';
import { shown } from './error-location';
import type { CiteRef, matrixFileSchema } from './schemas';
import type { Level, MatrixItem, MatrixScale } from './types';

type MatrixData = z.infer<ReturnType<typeof matrixFileSchema>>;

/** A matrix cell's item with its citations resolved. */
function compileMatrixItem(i: { text: string; indicators: unknown[]; cite: CiteRef[] }, cites: Cites): MatrixItem {
  return {
    text: i.text,
    indicators: i.indicators as string[],
    citations: cites(i.cite),
  };
}

/** One scale compiled; raises in `scaleOf` each indicator its evidence or risk factors list to this scale. */
function compileScale(s: MatrixData['scales'][number], scaleOf: Map<string, Level>, cites: Cites): MatrixScale {
  const evidence = s.evidence.map((i) => compileMatrixItem(i, cites));
  const riskFactors = s.riskFactors.map((i) => compileMatrixItem(i, cites));
  for (const it of [...evidence, ...riskFactors]) for (const id of it.indicators) if ((scaleOf.get(id) ?? 0) < s.scale) scaleOf.set(id, s.scale);
  return {
    scale: s.scale,
    name: s.name,
    pathway: s.pathway,
    response: s.response,
    evidence,
    riskFactors,
    protectiveFactors: s.protectiveFactors.map((i) => compileMatrixItem(i, cites)),
    citations: cites(s.cite),
  };
}

/** The matrix's scales in order (1 to 4, once each), and each indicator's scale: the highest whose evidence or risk factors list it. */
export function compileMatrix(matrixFile: string, data: MatrixData, cites: Cites): { scales: MatrixScale[]; scaleOf: Map<string, Level> } {
  const scaleOf = new Map<string, Level>();
  const scales = data.scales
    .slice()
    .sort((a, b) => a.scale - b.scale)
    .map((s) => compileScale(s, scaleOf, cites));
  if (scales.map((s) => s.scale).join() !== '1,2,3,4') {
    throw new KnowledgeFileError(shown(matrixFile), lineOf(matrixFile, /^scales:/), 'scales must be 1, 2, 3 and 4, once each');
  }
  return { scales, scaleOf };
}
