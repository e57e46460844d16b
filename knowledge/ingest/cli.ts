import { relative } from 'node:path';
import { KnowledgeFileError } from '../data-file';
import { buildKnowledge, isBuildFresh } from './build';

/** `npm run knowledge:build` (always) and `npm run knowledge:ensure` (`--if-stale`: only when inputs changed). */
function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const ifStale = process.argv.includes('--if-stale');
  // --knowledge-dir / --out let tests build a scratch copy.
  const options = { knowledgeDir: option('--knowledge-dir'), outDir: option('--out') };
  if (ifStale && isBuildFresh(options)) return;
  const report = await buildKnowledge(options);
  console.error(
    `knowledge: ${report.documents} documents, ${report.sections} sections, ${report.passages} passages ` +
      `-> ${relative(process.cwd(), report.outDir) || report.outDir} (${report.ms.toFixed(0)} ms; ${report.encoded} texts encoded in ${report.meaningMs.toFixed(0)} ms, the rest cached)`,
  );
}

main().catch((err: unknown) => {
  if (err instanceof KnowledgeFileError) console.error(`knowledge build failed: ${err.message}`);
  else console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exitCode = 1;
});
