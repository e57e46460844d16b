import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { projectRoot } from '../../knowledge/paths';
import { PATHWAYS } from '../../knowledge/triage';

/**
 * The evaluation sets in `eval/`, kept apart by purpose and labelled in every line:
 * - `dev`: tune freely (the published dev sets and the project's own probes);
 * - `calibration`: used only to choose the decline threshold and similarity cut-offs;
 * - `frozen`: written by helpers who read only the documents, scored when written and once
 *   per release, never fixed against item by item.
 */
export const SET_KINDS = ['dev', 'calibration', 'frozen'] as const;
export type SetKind = (typeof SET_KINDS)[number];
export const evalDir = join(projectRoot, 'eval');

const base = { id: z.string().min(1), set: z.enum(SET_KINDS), origin: z.string().optional() };

export const qaLineSchema = z.object({
  ...base,
  q: z.string().min(1),
  authority: z.string().optional(),
  doc: z.union([z.string(), z.array(z.string())]).optional(),
  evidence: z.array(z.string()).default([]),
  expectNoAnswer: z.boolean().optional(),
  kind: z.string().optional(),
  voice: z.string().optional(),
});
export type QaLine = z.infer<typeof qaLineSchema>;

export const vignetteSchema = z.object({
  ...base,
  authority: z.string(),
  description: z.string().min(1),
  answers: z.record(z.string(), z.string()).optional(),
  expect: z.object({
    pathway: z.enum(PATHWAYS),
    acceptable: z.array(z.enum(PATHWAYS)).default([]),
    min: z.enum(PATHWAYS).nullable().optional(),
    referrals: z.array(z.string()).default([]),
    contacts: z.array(z.string()).default([]),
  }),
  style: z.string().optional(),
});
export type Vignette = z.infer<typeof vignetteSchema>;

export interface EvalSet<T> {
  name: string;
  kind: SetKind;
  file: string;
  lines: T[];
}

/** Read a JSONL set; a bad line names `file:line` and the reason. The `set` label must match the folder. */
export function readSet<S extends z.ZodType>(file: string, schema: S, kind?: SetKind): z.infer<S>[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((raw, i) => ({ raw, n: i + 1 }))
    .filter(({ raw }) => raw.trim())
    .map(({ raw, n }) => {
      let json: unknown;
      try {
        json = JSON.parse(raw);
      } catch {
        throw new Error(`${file}:${n}: not valid JSON`);
      }
      const r = schema.safeParse(json);
      if (!r.success) throw new Error(`${file}:${n}: ${r.error.issues.map((i) => `${i.path.join('.') || 'line'}: ${i.message}`).join('; ')}`);
      const line = r.data as { set?: string };
      if (kind && line.set !== kind) throw new Error(`${file}:${n}: labelled "${line.set}" but kept in eval/${kind}/`);
      return r.data;
    });
}

function setsOf<S extends z.ZodType>(prefix: 'qa' | 'triage', schema: S, only?: SetKind): EvalSet<z.infer<S>>[] {
  const out: EvalSet<z.infer<S>>[] = [];
  for (const kind of SET_KINDS) {
    if (only && kind !== only) continue;
    const dir = join(evalDir, kind);
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort()) {
      if (!f.startsWith(`${prefix}-`) || !f.endsWith('.jsonl')) continue;
      const file = join(dir, f);
      out.push({ name: `${kind}/${basename(f, '.jsonl')}`, kind, file, lines: readSet(file, schema, kind) });
    }
  }
  return out;
}

export const qaSets = (only?: SetKind) => setsOf('qa', qaLineSchema, only);
export const triageSets = (only?: SetKind) => setsOf('triage', vignetteSchema, only);
