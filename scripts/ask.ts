import { z } from 'zod';
import { validJsonlLines } from './jsonl-lines';
import { createPolicyAnswerer, loadKnowledge, type AnswerResult, type KnowledgeBase, type PolicyAnswerer } from '../knowledge/search';

/**
 * `npm run --silent ask -- "question"` (human-readable), `--json` (one JSON line),
 * `--jsonl FILE` (one JSON line per input line). `--authority ID` sets the asker's authority
 * for the single-question forms. Same engine and built knowledge as the bot.
 */
const argsSchema = z.union([
  z.object({ mode: z.literal('jsonl'), file: z.string().min(1) }),
  z.object({
    mode: z.enum(['text', 'json']),
    question: z.string().trim().min(1, 'give a question, e.g. npm run --silent ask -- "how often does MAMDA meet"'),
    authority: z
      .string()
      .regex(/^[a-z0-9-]+$/, '--authority takes an authority id such as camden')
      .optional(),
  }),
]);

const lineSchema = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  q: z.string().trim().min(1, 'q must be a non-empty question'),
  authority: z
    .string()
    .regex(/^[a-z0-9-]+$/, 'authority must be an authority id such as camden')
    .optional(),
});

type Args = z.infer<typeof argsSchema>;

function parseArgs(argv: string[]): Args {
  let mode: 'text' | 'json' | 'jsonl' = 'text';
  let file: string | undefined;
  let authority: string | undefined;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') mode = 'json';
    else if (a === '--jsonl') {
      mode = 'jsonl';
      file = argv[++i];
    } else if (a === '--authority') authority = argv[++i];
    else if (a.startsWith('--authority=')) authority = a.slice('--authority='.length);
    else rest.push(a);
  }
  const parsed = argsSchema.safeParse(mode === 'jsonl' ? { mode, file } : { mode, question: rest.join(' '), authority });
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join('; '));
  return parsed.data;
}

/** The contract's output object (README): id, answered, results with docId/title/section/text/score. */
function toOutput(id: string | undefined, result: AnswerResult): Record<string, unknown> {
  return {
    ...(id !== undefined ? { id } : {}),
    answered: result.answered,
    ...(result.authority ? { authority: result.authority } : {}),
    ...(result.comparing.length ? { comparing: result.comparing } : {}),
    results: result.results.map((r) => ({
      docId: r.citation.docId,
      title: r.citation.title,
      section: r.citation.section,
      text: r.passage.display,
      score: r.score,
    })),
    ...(result.tentative ? { tentative: true } : {}),
    ...(result.contacts?.length
      ? { contacts: result.contacts.map(({ role, name, phone, email, hours, outOfHours }) => ({ role, name, phone, email, hours, outOfHours })) }
      : {}),
    ...(result.decline ? { decline: { reason: result.decline.reason, message: result.decline.message } } : {}),
    ...(result.nearest?.length
      ? { nearest: result.nearest.map((r) => ({ docId: r.citation.docId, section: r.citation.section, text: r.passage.display })) }
      : {}),
  };
}

function printHuman(kb: KnowledgeBase, result: AnswerResult): void {
  const out: string[] = [];
  if (!result.answered) {
    out.push(result.decline?.message ?? 'No answer.');
    if (result.nearest?.length) out.push('', 'You might mean:', ...result.nearest.map((r) => `  - ${r.citation.title}, ${r.citation.section}`));
  } else {
    if (result.tentative) out.push('These passages may not answer your question exactly.', '');
    for (const c of result.contacts ?? []) {
      out.push(
        `Contact: ${c.name ?? c.role} (${c.role})`,
        ...[
          c.phone && `  Phone: ${c.phone}`,
          c.email && `  Email: ${c.email}`,
          c.hours && `  Hours: ${c.hours}`,
          c.outOfHours && `  Out of hours: ${c.outOfHours}`,
        ].filter((x): x is string => Boolean(x)),
      );
      out.push(`  Source: ${c.citations.map((x) => `${x.title}, ${x.section}`).join('; ')}`, '');
    }
    const [first, ...more] = result.results;
    if (result.comparing.length) out.push(`Comparing: ${result.comparing.map((a) => kb.authorityNames.get(a) ?? a).join(', ')}`, '');
    for (const [i, r] of [first!, ...more.slice(0, 2)].entries()) {
      const c = r.citation;
      const who = c.national ? 'National guidance' : c.authorities.map((a) => kb.authorityNames.get(a) ?? a).join(' / ');
      out.push(i === 0 ? 'Answer' : `Also relevant (${i + 1})`);
      out.push(
        r.passage.display
          .split('\n')
          .map((l) => `  ${l}`)
          .join('\n'),
      );
      if (r.highlights.length) out.push(`  Key point: ${r.highlights.join(' … ')}`);
      out.push(`  Source: ${c.title} (${who}), ${c.section || 'start of document'}; issued ${c.issued}`);
      if (c.reviewOverdue) out.push(`  Warning: this document was due for review in ${c.reviewDue}; check it is still current.`);
      if (c.supersededNote) out.push(`  Note: ${c.supersededNote}`);
      out.push('');
    }
    if (result.glossary?.length) out.push(`Terms: ${result.glossary.map((g) => `${g.term} = ${g.expansion}`).join('; ')}`);
    if (result.followUps.length) out.push(`You could also ask: ${result.followUps.join(' | ')}`);
  }
  console.log(out.join('\n').trimEnd());
}

async function runJsonl(answerer: PolicyAnswerer, file: string): Promise<void> {
  for await (const { data } of validJsonlLines(file, lineSchema)) {
    const result = await answerer.answer(data.q, { authority: data.authority });
    process.stdout.write(`${JSON.stringify(toOutput(data.id, result))}\n`);
  }
}

async function main(): Promise<void> {
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`ask: ${(err as Error).message}`);
    return;
  }
  const kb = loadKnowledge();
  // The same engine as the bot once it is ready: lexical evidence and meaning together.
  const answerer = createPolicyAnswerer(kb);
  await answerer.whenReady();
  if (args.mode === 'jsonl') return runJsonl(answerer, args.file);
  const result = await answerer.answer(args.question, { authority: args.authority });
  if (args.authority && !kb.coveredAuthorities.includes(args.authority)) {
    console.error(`ask: unknown authority "${args.authority}" ignored (known: ${kb.coveredAuthorities.join(', ')})`);
  }
  if (args.mode === 'json') process.stdout.write(`${JSON.stringify(toOutput(undefined, result))}\n`);
  else printHuman(kb, result);
}

main().catch((err: unknown) => {
  // Never echo the question: only the error's own message.
  console.error(`ask: ${err instanceof Error ? err.message : String(err)}`);
});
