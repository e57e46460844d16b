import { z } from 'zod';

/**
 * Query-string validation for the tab pages and JSON endpoints. Messages name the parameter
 * and say what is allowed; they never repeat what the user typed.
 */

export const MAX_QUERY_LENGTH = 200;
export const MAX_COUNT = 50;

/** A parameter given at most once, as text (a repeated key arrives as an array). */
const single = (name: string) => z.string({ error: `${name}: give it once, as plain text` }).optional();

function wholeNumber(ctx: z.RefinementCtx, name: string, value: string | undefined, range: { min: number; max: number; fallback: number }): number {
  if (value === undefined || value.trim() === '') return range.fallback;
  const n = /^\d{1,6}$/.test(value.trim()) ? Number(value.trim()) : NaN;
  if (Number.isInteger(n) && n >= range.min && n <= range.max) return n;
  ctx.addIssue({ code: 'custom', path: [name], message: `${name}: must be a whole number from ${range.min} to ${range.max}` });
  return range.fallback;
}

export interface SearchQuery {
  q: string;
  authority?: string;
  skip: number;
  count: number;
}

/**
 * `q` (required, 1–200 characters), `authority` (a covered authority id; empty means any),
 * `skip` and `count`. Strict mode (JSON) rejects unknown parameters; pages ignore them.
 */
export function searchQuerySchema(authorities: readonly string[], opts: { strict: boolean }): z.ZodType<SearchQuery> {
  const shape = { q: single('q'), authority: single('authority'), skip: single('skip'), count: single('count') };
  const obj = opts.strict ? z.object(shape).strict() : z.object(shape);
  return obj.transform((v, ctx): SearchQuery => {
    const q = (v.q ?? '').replace(/\s+/g, ' ').trim();
    if (!q) ctx.addIssue({ code: 'custom', path: ['q'], message: 'q: type some words to search for' });
    else if (q.length > MAX_QUERY_LENGTH) ctx.addIssue({ code: 'custom', path: ['q'], message: `q: at most ${MAX_QUERY_LENGTH} characters` });
    const authority = v.authority?.trim() || undefined;
    if (authority && !authorities.includes(authority)) {
      ctx.addIssue({ code: 'custom', path: ['authority'], message: `authority: unknown authority; use one of ${authorities.join(', ')}` });
    }
    const skip = wholeNumber(ctx, 'skip', v.skip, { min: 0, max: 10000, fallback: 0 });
    const count = wholeNumber(ctx, 'count', v.count, { min: 1, max: MAX_COUNT, fallback: 10 });
    return { q, authority, skip, count };
  });
}

/** `need` once or repeated (`need=lgbt&need=fgm`), or comma-separated; each a known need tag. */
export function needQuerySchema(needs: readonly string[], opts: { strict: boolean }): z.ZodType<{ need: string[] }> {
  const shape = {
    need: z.union([z.string(), z.array(z.string())], { error: 'need: must be plain text' }).optional(),
  };
  const obj = opts.strict ? z.object(shape).strict() : z.object(shape);
  return obj.transform((v, ctx) => {
    const list = (Array.isArray(v.need) ? v.need : v.need === undefined ? [] : [v.need])
      .flatMap((x) => x.split(','))
      .map((x) => x.trim())
      .filter(Boolean);
    const unknown = list.filter((id) => !needs.includes(id));
    if (unknown.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['need'], message: `need: unknown need; use one or more of ${needs.join(', ')}` });
    }
    return { need: [...new Set(list.filter((id) => needs.includes(id)))] };
  });
}

/** "q: type some words to search for; skip: must be …" */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((i) => (i.code === 'unrecognized_keys' ? `unknown parameter${i.keys.length > 1 ? 's' : ''}: ${i.keys.join(', ')}` : i.message))
    .join('; ');
}
