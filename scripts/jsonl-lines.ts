import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { z } from 'zod';

/**
 * The valid lines of a JSONL input file, validated with zod. A line that is not JSON or does
 * not fit the schema is reported on stderr as `file:line: reason; skipped` and the run goes on,
 * so stdout carries only the answers.
 */
export async function* validJsonlLines<S extends z.ZodType>(file: string, schema: S): AsyncGenerator<{ line: number; data: z.infer<S> }> {
  if (!existsSync(file)) throw new Error(`no such file: ${file}`);
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let n = 0;
  for await (const raw of lines) {
    n++;
    if (!raw.trim()) continue;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      console.error(`${file}:${n}: not valid JSON; skipped`);
      continue;
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      console.error(`${file}:${n}: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'line'}: ${i.message}`).join('; ')}; skipped`);
      continue;
    }
    yield { line: n, data: parsed.data };
  }
}
