import { z } from 'zod';
import { createPolicyAnswerer, loadKnowledge } from '../knowledge/search';
import { DECISION } from '../knowledge/search/decide-confidence';
import { createTriager, loadIndicatorMeaning, loadTriageKnowledge } from '../knowledge/triage';
import { lunrBaselines } from './eval/lunr-baselines';
import { formatQa, qaMisses, scoreQa, unfoundEvidence, type Answerer } from './eval/score-qa';
import { formatTriage, scoreTriage, triageMisses, vignetteProblems } from './eval/score-triage';
import { qaSets, SET_KINDS, triageSets } from './eval/sets';
import { overridesFromAnswers, toContractLine } from './triage';

/**
 * `npm run eval [-- --set dev|calibration|frozen] [--only TEXT] [--misses]`: scores every set in
 * eval/ with the same engine as the bot, each QA set beside plain lunr and lunr with the asker's
 * authority preferred, in the same run. Misses (ids only) are listed for dev and calibration
 * sets; never for frozen ones, which are not to be fixed item by item.
 */
const argsSchema = z.object({
  set: z.enum(SET_KINDS).optional(),
  only: z.string().optional(),
  misses: z.boolean(),
});

function parseArgs(argv: string[]): z.infer<typeof argsSchema> {
  const raw: Record<string, unknown> = { misses: argv.includes('--misses') };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--set') raw.set = argv[++i];
    else if (argv[i] === '--only') raw.only = argv[++i];
  }
  const r = argsSchema.safeParse(raw);
  if (!r.success)
    throw new Error(
      `${r.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; ')}\nusage: npm run eval -- [--set dev|calibration|frozen] [--only TEXT] [--misses]`,
    );
  return r.data;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const kb = loadKnowledge();
  const tk = loadTriageKnowledge();
  const triager = createTriager(tk, loadIndicatorMeaning());
  const baselines = lunrBaselines(kb);
  const answerer = createPolicyAnswerer(kb);
  await answerer.whenReady();
  const project: Answerer = async (q, authority) => {
    const r = await answerer.answer(q, { authority });
    return { answered: r.answered, results: r.results.map((x) => ({ docId: x.citation.docId, text: x.passage.display })) };
  };
  const wanted = (name: string) => !args.only || name.includes(args.only);
  console.log(
    `decision to answer (lines chosen on the calibration sets by npm run tune): answers plainly at evidence >= ${DECISION.sure}, ` +
      `answers saying the passages may not fit exactly from ${DECISION.maybe}, declines below`,
  );

  for (const set of qaSets(args.set).filter((s) => wanted(s.name))) {
    const answerable = set.lines.filter((l) => !l.expectNoAnswer).length;
    console.log(`\n${set.name} (${set.kind}; ${answerable} answerable, ${set.lines.length - answerable} to decline)`);
    for (const bad of unfoundEvidence(set.lines, kb.store.passages)) console.log(`  ! evidence not in any passage of the expected document: ${bad}`);
    const mine = await scoreQa(set.lines, project);
    console.log(`  project              ${formatQa(mine.metrics)}`);
    console.log(`  plain lunr           ${formatQa((await scoreQa(set.lines, baselines.plain)).metrics)}`);
    console.log(`  lunr + own authority ${formatQa((await scoreQa(set.lines, baselines.ownAuthority)).metrics)}`);
    if (args.misses && set.kind !== 'frozen') console.log(`  misses: ${qaMisses(mine.ranks).join('; ') || 'none'}`);
  }

  for (const set of triageSets(args.set).filter((s) => wanted(s.name))) {
    console.log(`\n${set.name} (${set.kind}; ${set.lines.length} vignettes)`);
    for (const bad of vignetteProblems(set.lines)) console.log(`  ! ${bad}`);
    await triager.whenReady();
    const m = await scoreTriage(set.lines, async (v) =>
      toContractLine(
        tk,
        v.id,
        await triager.triage({ authority: v.authority, description: v.description, overrides: overridesFromAnswers(tk, v.answers ?? {}) }),
      ),
    );
    console.log(`  project  ${formatTriage(m)}`);
    // A frozen set's misses are never listed, not even by id: they cannot be fixed one by one.
    if (m.underTriageIds.length && set.kind !== 'frozen') console.log(`  under-triaged: ${m.underTriageIds.join(', ')}`);
    if (args.misses && set.kind !== 'frozen') for (const line of triageMisses(m)) console.log(`  ${line}`);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
