import { evaluateQa } from './eval-qa';
import { evaluateTriage } from './eval-triage';

/** `npm run eval`: scores the dev sets in ../shared/eval and prints the figures. */
async function main(): Promise<void> {
  const qa = await evaluateQa();
  console.log(qa.report);
  const triage = await evaluateTriage();
  console.log(triage.report);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
