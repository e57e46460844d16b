import { z } from 'zod';
import { validJsonlLines } from './jsonl-lines';
import {
  createTriager,
  loadIndicatorMeaning,
  loadTriageKnowledge,
  specialistRole,
  type TriageKnowledge,
  type TriageOutcome,
  type TriageOverrides,
  type Triager,
} from '../knowledge/triage';

/**
 * `npm run triage`, as ../shared/eval/README.md specifies:
 *   --jsonl FILE                        one JSON object per input line on stdout
 *   --authority ID "description"        human-readable result (--json: the same object as one line)
 * Reads the prebuilt knowledge base. Description text is never logged anywhere else.
 */

/**
 * --answer KEY=VALUE, repeatable: a check from knowledge/triage/reading.yaml (danger-now=yes,
 * strangulation=unknown, works-with-children=no …) or a fact (dash=16, police=3, ages=4,9,
 * special-needs=yes), exactly as the confirmation card sends them.
 */
const FACT_KEYS = ['dash', 'police', 'ages', 'special-needs'] as const;
const answerSchema = z.string().regex(/^[a-z-]+=.+$/, '--answer takes KEY=VALUE, e.g. --answer danger-now=yes');

const argsSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('jsonl'), file: z.string().min(1) }),
  z.object({
    mode: z.literal('single'),
    authority: z.string().regex(/^[a-z0-9-]+$/, 'authority must be an id such as camden'),
    description: z.string().trim().min(1, 'give a description of the concern'),
    json: z.boolean(),
    answers: z.array(answerSchema).default([]),
  }),
]);

const lineSchema = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  authority: z.string().regex(/^[a-z0-9-]+$/),
  description: z.string().trim().min(1),
  /** Optional answers, as --answer gives them: { "danger-now": "yes", "dash": "16" }. */
  answers: z.record(z.string(), z.string()).optional(),
});

function parseArgs(argv: string[]): z.infer<typeof argsSchema> {
  let file: string | undefined;
  let authority: string | undefined;
  let json = false;
  const answers: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--jsonl') file = argv[++i];
    else if (a === '--authority') authority = argv[++i];
    else if (a === '--json') json = true;
    else if (a === '--answer') answers.push(argv[++i] ?? '');
    else rest.push(a);
  }
  const raw = file !== undefined ? { mode: 'jsonl', file } : { mode: 'single', authority, description: rest.join(' '), json, answers };
  const parsed = argsSchema.safeParse(raw);
  if (!parsed.success) {
    const msg = parsed.error.issues.map((i) => `${i.path.join('.') || 'arguments'}: ${i.message}`).join('; ');
    throw new Error(`${msg}\nusage: npm run --silent triage -- --jsonl FILE | --authority ID [--json] [--answer KEY=VALUE ...] "description"`);
  }
  return parsed.data;
}

/** Answers as the engine takes them; an unknown key or value is an error naming it. */
export function overridesFromAnswers(tk: TriageKnowledge, answers: Record<string, string>): TriageOverrides {
  const checks = new Set(tk.checks.map((c) => c.id));
  const out: TriageOverrides = { answers: {}, facts: {} };
  for (const [key, raw] of Object.entries(answers)) {
    const value = raw.trim().toLowerCase();
    if (checks.has(key)) {
      const answer = ({ yes: 'yes', y: 'yes', no: 'no', n: 'no', unknown: 'unknown', "don't know": 'unknown', dk: 'unknown' } as const)[value as 'yes'];
      if (!answer) throw new Error(`--answer ${key}: give yes, no or unknown`);
      out.answers![key] = answer;
    } else if (key === 'dash' || key === 'police') {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 0 || n > 99) throw new Error(`--answer ${key}: give a whole number`);
      out.facts![key === 'dash' ? 'dashScore' : 'policeNotifications'] = n;
    } else if (key === 'ages') {
      const ages = value.split(/[\s,;]+/).filter(Boolean);
      if (ages.some((a) => !/^\d{1,2}$/.test(a) || Number(a) > 17)) throw new Error('--answer ages: give ages under 18, e.g. ages=4,9');
      out.facts!.childAges = ages.map(Number);
    } else if (key === 'special-needs') {
      if (value !== 'yes' && value !== 'no') throw new Error('--answer special-needs: give yes or no');
      out.facts!.specialNeeds = value === 'yes';
    } else throw new Error(`--answer ${key}: not a question I ask (${[...checks, ...FACT_KEYS].join(', ')})`);
  }
  return out;
}

/** The output object of the eval contract. */
export function toContractLine(tk: TriageKnowledge, id: string, r: TriageOutcome) {
  const evidence = new Map(r.read.map((i) => [i.id, i.evidence]));
  return {
    id,
    pathway: r.pathway,
    level: r.level,
    indicators: r.indicators.map((i) => (evidence.has(i.id) ? `${i.label} ("${evidence.get(i.id)}")` : i.label)),
    referrals: r.referrals.map((x) => x.id),
    contacts: [
      ...r.contacts.map((c) => ({
        name: c.name,
        role: c.role,
        phone: c.phone ?? '',
        email: c.email ?? '',
        hours: c.hours ?? '',
        ...(c.outOfHours ? { outOfHours: c.outOfHours } : {}),
      })),
      // The specialist services the result card lists for this case's needs, after the route's contacts.
      // A service the document names without a number (SignHealth) is still listed, with its website where known.
      ...r.services.map((s) => ({
        name: s.name,
        role: specialistRole(tk, s.needs),
        phone: s.phone ?? '',
        email: s.email ?? '',
        hours: '',
        ...(s.web ? { web: s.web } : {}),
      })),
    ],
    nextSteps: r.nextSteps.map((s) => (s.timescale ? `${s.text} (${s.timescale})` : s.text)),
    citations: r.citations.map((c) => ({ docId: c.docId, section: c.section, text: c.text, quote: c.quote, ...(c.note ? { note: c.note } : {}) })),
    reasons: r.reasons.map((x) => x.text),
    ...(r.uplift ? { uplift: r.uplift } : {}),
    ...(r.escalatedForSafety ? { escalatedForSafety: r.escalatedForSafety } : {}),
    ...(r.mustCheck.length ? { mustCheck: r.mustCheck.map((m) => ({ id: m.id, question: m.text, ifYes: m.ifYes })) } : {}),
    suggested: r.read.filter((i) => i.source === 'meaning').map((i) => i.id),
    disclaimer: r.disclaimer,
  };
}

function humanReadable(r: TriageOutcome, tk: TriageKnowledge): string {
  const out: string[] = [];
  out.push(`Authority: ${tk.authorities[r.authority]?.name ?? r.authority}`);
  out.push(`Pathway: ${r.pathway}${r.level ? ` (Barnardo's matrix scale ${r.level})` : ''}`);
  out.push('', 'Indicators read:');
  for (const i of r.read) out.push(`  - ${i.label}${i.source === 'meaning' ? ' (suggested by meaning: please confirm)' : ''}: "${i.evidence}"`);
  for (const m of r.mustCheck)
    out.push('', `Must check: ${m.text} If yes, this becomes ${m.ifYes.pathway}${m.ifYes.level ? ` (scale ${m.ifYes.level})` : ''}.`);
  if (r.uplift) out.push('', `Uplift: ${r.uplift}`);
  if (r.escalatedForSafety) out.push('', `Raised for safety: ${r.escalatedForSafety}`);
  for (const g of r.gradingNotes) out.push('', `Note: ${g}`);
  out.push('', 'Why:');
  for (const x of r.reasons) out.push(`  - ${x.text}`);
  out.push('', 'Referrals:');
  for (const x of r.referrals) out.push(`  - ${x.label}: ${x.why}`);
  out.push('', 'Contacts:');
  for (const c of r.contacts)
    out.push(
      `  - ${c.name} (${c.role})${c.phone ? ` tel ${c.phone}` : ''}${c.email ? ` ${c.email}` : ''}${c.hours ? ` [${c.hours}]` : ''}${c.outOfHours ? ` out of hours ${c.outOfHours}` : ''}`,
    );
  out.push('', 'Next steps:');
  for (const s of r.nextSteps) out.push(`  [ ] ${s.text}${s.timescale ? ` (${s.timescale})` : ''}`);
  if (r.missingFacts.length) {
    out.push('', 'Please also check:');
    for (const q of r.missingFacts) out.push(`  ? ${q.text}`);
  }
  out.push('', 'Sources:');
  for (const c of r.citations)
    out.push(`  - ${c.title} › ${c.section}${c.reviewOverdue ? ' (past its review date)' : ''}${c.note ? ` [${c.note}]` : ''}: "${c.quote}"`);
  out.push('', r.disclaimer);
  return out.join('\n');
}

async function runJsonl(triager: Triager, file: string): Promise<void> {
  const tk = triager.tk;
  for await (const { line: n, data } of validJsonlLines(file, lineSchema)) {
    const { id, authority, description } = data;
    if (!tk.authorities[authority]) {
      console.error(`${file}:${n}: unknown authority "${authority}" (known: ${Object.keys(tk.authorities).join(', ')}); skipped`);
      continue;
    }
    try {
      const overrides = overridesFromAnswers(tk, data.answers ?? {});
      process.stdout.write(`${JSON.stringify(toContractLine(tk, id, await triager.triage({ authority, description, overrides })))}\n`);
    } catch (err) {
      console.error(`${file}:${n}: ${(err as Error).message}; skipped`);
    }
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const tk = loadTriageKnowledge();
  // The same readers as the bot once it is ready: patterns and meaning together.
  const triager = createTriager(tk, loadIndicatorMeaning());
  await triager.whenReady();
  if (args.mode === 'jsonl') return runJsonl(triager, args.file);
  if (!tk.authorities[args.authority]) throw new Error(`unknown authority "${args.authority}" (known: ${Object.keys(tk.authorities).join(', ')})`);
  const answers = Object.fromEntries(args.answers.map((a) => [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]));
  const r = await triager.triage({ authority: args.authority, description: args.description, overrides: overridesFromAnswers(tk, answers) });
  console.log(args.json ? JSON.stringify(toContractLine(tk, '1', r)) : humanReadable(r, tk));
}

if (require.main === module) {
  // A reader that stops early (| head) is not an error.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exitCode = 1;
  });
}
