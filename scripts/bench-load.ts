import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from './load/child';
import { startCountingConnector, type CountingConnector } from './load/connector';
import { engineFigures, type EngineFigures } from './load/engine-figures';
import { LABELS, runPhase, type PhaseResult } from './load/phase';
import type { BenchMode } from './load/server-child';
import { formatPercentiles } from './load/stats';
import { qaSets } from './eval/sets';

/**
 * `npm run bench:load [-- --messages N --concurrency 1,20 --workers 1,2 --engine both|stub|real --no-echo --cpu-prof DIR]`:
 * drives /api/messages with concurrent personal conversations against a local connector listener,
 * the server in its own process(es) (unauthenticated local mode, STORAGE=file in a temp folder,
 * logs on as in production, WORKERS as given), beside an echo bot on the same stack as the
 * ceiling. Prints messages a second, p50/p95/p99, the server's CPU per message and its memory
 * over the run. Figures, never pass/fail. `--messages 100000` is the long run for memory.
 */
interface Args {
  messages: number;
  warmup: number;
  concurrency: number[];
  workers: number[];
  modes: BenchMode[];
  users: number;
  cpuProf?: string;
}

function parseArgs(argv: string[]): Args {
  const value = (name: string) => {
    const at = argv.indexOf(`--${name}`);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const list = (name: string, fallback: string) => (value(name) ?? fallback).split(',').map(Number);
  const engine = value('engine') ?? 'both';
  const engines: BenchMode[] = engine === 'both' ? ['stub', 'real'] : [engine as BenchMode];
  const messages = Number(value('messages') ?? 3000);
  return {
    messages,
    warmup: Number(value('warmup') ?? Math.min(500, Math.ceil(messages / 10))),
    concurrency: list('concurrency', '1,20'),
    workers: list('workers', '1,2'),
    modes: argv.includes('--no-echo') ? engines : ['echo', ...engines],
    users: Number(value('users') ?? 200),
    cpuProf: value('cpu-prof'),
  };
}

/** Questions from the dev and calibration sets (frozen sets are only ever scored). */
function loadQuestions(): string[] {
  return [...qaSets('dev'), ...qaSets('calibration')].flatMap((s) => s.lines.map((l) => l.q));
}

async function runAll(args: Args, questions: string[], questionsFile: string, connector: CountingConnector): Promise<PhaseResult[]> {
  const results: PhaseResult[] = [];
  for (const workers of args.workers) {
    console.log(`${workers} worker${workers > 1 ? 's' : ''}:`);
    for (const mode of args.modes) {
      const server = await startServer({ mode, questionsFile, workers });
      // The real engine's first warm-up asks every question of every worker, so its runs find the question vectors cached.
      try {
        for (const [i, concurrency] of args.concurrency.entries())
          results.push(
            await runPhase(
              { ...args, mode, workers, concurrency, warmEveryWorker: mode === 'real' && i === 0, questions, cpuProf: args.cpuProf },
              server,
              connector,
            ),
          );
      } finally {
        await server.stop();
      }
    }
  }
  return results;
}

function summarise(results: PhaseResult[], engine?: EngineFigures): void {
  console.log('summary:');
  const of = (mode: BenchMode, workers: number) => results.filter((r) => r.mode === mode && r.workers === workers);
  for (const workers of [...new Set(results.map((r) => r.workers))]) {
    const best = (mode: BenchMode) => Math.max(...of(mode, workers).map((r) => r.rate));
    const cpu = (mode: BenchMode) => Math.min(...of(mode, workers).map((r) => r.cpuPerMessage));
    const w = `${workers} worker${workers > 1 ? 's' : ''}`;
    if (of('stub', workers).length && of('echo', workers).length)
      console.log(
        `  ${w}: stub engine at best ${best('stub').toFixed(0)} messages/s, ${((100 * best('stub')) / best('echo')).toFixed(0)}% of the echo bot's ${best('echo').toFixed(0)}`,
      );
    if (of('stub', workers).length)
      console.log(
        `  ${w}: the bot's own CPU per message (stub engine) ${cpu('stub').toFixed(2)} ms; echo bot ${of('echo', workers).length ? cpu('echo').toFixed(2) : '–'} ms`,
      );
    if (of('real', workers).length && engine)
      console.log(
        `  ${w}: real engine CPU per message ${cpu('real').toFixed(2)} ms, minus the engine's in-process mean ${(cpu('real') - engine.meanAgainMs).toFixed(2)} ms`,
      );
    for (const r of of('real', workers))
      console.log(`  ${w}: ${LABELS.real}, ${r.concurrency} concurrent: ${r.rate.toFixed(0)} messages/s, ${formatPercentiles(r.latency)}`);
  }
  if (engine) console.log(`  the engine in process, one at a time (question asked again): ${formatPercentiles(engine.askedAgain)}`);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.cpuProf) mkdirSync(args.cpuProf, { recursive: true });
  const questions = loadQuestions();
  const dir = mkdtempSync(join(tmpdir(), 'bench-load-'));
  const questionsFile = join(dir, 'questions.json');
  writeFileSync(questionsFile, JSON.stringify(questions));
  console.log(
    `load: ${args.messages} messages a run after a warm-up of ${args.warmup} (the real engine's: every question once in every worker), ${args.users} users, ` +
      `${questions.length} questions from the dev and calibration sets; STORAGE=file in a temp folder, unauthenticated, logs on`,
  );
  let engine: EngineFigures | undefined;
  if (args.modes.includes('real')) {
    engine = await engineFigures(questions);
    console.log(
      `the engine in process, one at a time: first asked ${formatPercentiles(engine.firstAsked)}; asked again ${formatPercentiles(engine.askedAgain)} (mean ${engine.meanAgainMs.toFixed(1)} ms)`,
    );
  }
  const connector = await startCountingConnector();
  try {
    summarise(await runAll(args, questions, questionsFile, connector), engine);
  } finally {
    await connector.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(`bench:load: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exitCode = 1;
});
