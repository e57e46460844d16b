import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { z } from 'zod';
import { parseDataText } from '../knowledge/data-file';
import { documentMetaSchema } from '../knowledge/schemas/data-files';
import { sharedDir, sourcesDir } from '../knowledge/paths';

/**
 * One-time import of ../shared/corpus into knowledge/sources/<id>.md: front matter from
 * documents.json, then the text exactly as received. After this, sources/ is the truth.
 */
const manifestSchema = z.object({
  documents: z.array(documentMetaSchema.extend({ file: z.string().min(1), reviewDue: z.string().nullable() })),
});

function main(): void {
  const corpusDir = resolve(sharedDir, 'corpus');
  const manifestFile = join(corpusDir, 'documents.json');
  const manifest = parseDataText(readFileSync(manifestFile, 'utf8'), manifestSchema, manifestFile);
  mkdirSync(sourcesDir, { recursive: true });
  for (const { file, ...meta } of manifest.documents) {
    const text = readFileSync(join(corpusDir, file), 'utf8');
    const front = stringify(meta, { lineWidth: 0 }).trimEnd();
    const out = join(sourcesDir, `${meta.id}.md`);
    writeFileSync(out, `---\n${front}\n---\n${text}`);
    console.log(`imported ${file} -> ${out}`);
  }
}

main();
