import { z } from 'zod';
import { checkInputId, groupInputId } from '../../cards/triage-cards';
import { INDICATOR_GROUPS, type TriageFacts } from '../../knowledge/triage/types';

/**
 * What the triage cards send back (Action.Submit data merged with the card's inputs), checked
 * with zod. Teams sends every input as a string; Web Chat sends numbers as strings too, but a
 * number is accepted. Messages are written to be shown to the user as they are.
 */

export const VERBS = {
  start: 'triage.start',
  describe: 'triage.describe',
  confirm: 'triage.confirm',
  restart: 'triage.restart',
  ask: 'triage.ask',
} as const;

export const DIALOG_ID = /^[A-Za-z0-9_-]{8,40}$/;

const dialogId = z
  .string({ error: 'the card is missing its triage reference (it may be from an older version of me)' })
  .regex(DIALOG_ID, 'the card is missing its triage reference (it may be from an older version of me)');

/** First check, for every step: the verb and which dialog the card belongs to. The rest is checked per step. */
export const envelope = <V extends string>(verb: V) => z.object({ verb: z.literal(verb), dialogId }).loose();

export const startSubmission = z.object({
  authority: z.string({ error: 'please choose your authority from the list' }).trim().min(1, 'please choose your authority from the list'),
  danger: z.enum(['yes', 'no'], { error: 'please answer whether anyone is in immediate danger right now' }),
});

export const describeSubmission = z.object({
  description: z
    .string({ error: 'please describe the concern in the box (as text, without names)' })
    .trim()
    .min(1, 'please describe the concern in the box (without names)')
    .max(4000, 'the description is too long: please keep it under 4,000 characters'),
});

const choice = (what: string) => z.enum(['yes', 'no', 'unknown', ''], { error: `${what} must be one of the choices on the card` }).optional();

/** '' and null mean "not answered"; a string must be a whole number in range. */
const count = (what: string, max: number) =>
  z.preprocess(
    (v) => (v === '' || v === null ? undefined : typeof v === 'string' ? Number(v.trim()) : v),
    z
      .number({ error: `${what} must be a number` })
      .int(`${what} must be a whole number`)
      .min(0, `${what} must be 0 or more`)
      .max(max, `${what} must be ${max} or less`)
      .optional(),
  );

/** A group's ticked indicators ("a,b,c"), each a known indicator id. */
const idList = (known: ReadonlySet<string>) =>
  z
    .string({ error: 'the ticked indicators must be a list from the card' })
    .max(4000)
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .refine((ids) => ids.every((id) => known.has(id)), 'the card lists an indicator I do not know (it may be from an older version of me)')
    .optional();

export function confirmSubmission(knownIndicators: ReadonlySet<string>, checkIds: readonly string[] = []) {
  const groups = Object.fromEntries(INDICATOR_GROUPS.map((g) => [groupInputId(g), idList(knownIndicators)]));
  const checks = Object.fromEntries(checkIds.map((id) => [checkInputId(id), choice(`the answer to "${id}"`)]));
  return z.object({
    ...groups,
    ...checks,
    childAges: z.string({ error: "the children's ages must be text, e.g. 4, 9" }).max(200, "the children's ages are too long").optional(),
    specialNeeds: choice('the special needs answer'),
    dashDone: choice('the DASH answer'),
    dashScore: count('the DASH score', 27),
    policeNotifications: count('the number of police notifications', 99),
  });
}
export type ConfirmSubmission = z.output<ReturnType<typeof confirmSubmission>>;

export const askSubmission = z.object({
  suggested: z.string({ error: 'the suggested question is damaged' }).trim().max(500).optional(),
  question: z.string({ error: 'the question must be text' }).trim().max(500, 'the question is too long').optional(),
});

/** The issues of a failed parse as one readable sentence fragment. */
export function problems(error: z.ZodError): string {
  return [...new Set(error.issues.map((i) => i.message))].join('; ');
}

export type AgeFacts = Pick<TriageFacts, 'childAges' | 'unborn'> & { noChildren?: boolean };

/**
 * The ages box: "4, 9", "8 months and 3", "18-month-old", "unborn", "none". Ages in months or weeks
 * become whole years (8 months is 0, 18 months is 1).
 * Returns undefined for an empty box, or an error message for words that are not ages.
 */
export function parseAges(text: string | undefined): AgeFacts | { error: string } | undefined {
  // "18-month-old" reads as "18 month old".
  const t = (text ?? '')
    .trim()
    .toLowerCase()
    .replace(/(\d)-(?=[a-z])|(?<=[a-z])-(?=[a-z])/g, '$1 ');
  if (!t) return undefined;
  const facts: AgeFacts = { childAges: [], unborn: false };
  for (const raw of t.split(/\s*(?:,|;|\/|&|\band\b|\+)\s*/)) {
    const part = raw.trim().replace(/^(?:aged?|age)\s+/, '');
    if (!part) continue;
    if (/^(?:unborn|pregnan\w*|expecting|due)\b/.test(part)) {
      facts.unborn = true;
      continue;
    }
    if (/^(?:none|no\s+child(?:ren)?|n\/?a|0\s+children)$/.test(part)) {
      facts.noChildren = true;
      continue;
    }
    const m = /^(\d{1,2}(?:\.\d+)?)\s*(months?|mths?|mo|m|weeks?|wks?|w|years?|yrs?|y)?(?:\s*old)?$/.exec(part);
    if (!m) return { error: 'please give the children\'s ages as numbers, e.g. 4, 9 (or "unborn", or "none")' };
    const n = Number(m[1]);
    const unit = m[2] ?? 'y';
    const age = Math.floor(/^m/.test(unit) ? n / 12 : /^w/.test(unit) ? n / 52 : n);
    if (age > 18) return { error: "the children's ages must be 18 or under" };
    facts.childAges.push(age);
  }
  facts.childAges.sort((a, b) => a - b);
  if (facts.noChildren && (facts.childAges.length || facts.unborn)) delete facts.noChildren;
  return facts;
}
