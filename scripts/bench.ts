import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildKnowledge } from '../knowledge/build/build';
import { builtKnowledgeDir, projectRoot } from '../knowledge/paths';
import { answerQuestion, loadKnowledge, type KnowledgeBase } from '../knowledge/search';
import { loadTriageKnowledge, triage } from '../knowledge/triage';
import { qaSets, triageSets } from './eval/sets';

/**
 * `npm run bench`: index build time, start-to-ready with a prebuilt index (fresh process),
 * per-question latency over the dev questions, and resident memory after load.
 * Targets: p95 ≤ 20 ms per question, ready ≤ 1 s.
 */
export interface LatencyStats {
  runs: number;
  p50: number;
  p95: number;
  max: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/** Time `fn` over every input, `repetitions` times (after a warm-up pass). Reusable for triage timing. */
export function measureLatency<T>(inputs: readonly T[], fn: (input: T) => unknown, repetitions = 20): LatencyStats {
  for (const input of inputs) fn(input);
  const times: number[] = [];
  for (let r = 0; r < repetitions; r++) {
    for (const input of inputs) {
      const t = performance.now();
      fn(input);
      times.push(performance.now() - t);
    }
  }
  times.sort((a, b) => a - b);
  return { runs: times.length, p50: percentile(times, 50), p95: percentile(times, 95), max: times[times.length - 1] ?? 0 };
}

export function questionLatency(kb: KnowledgeBase, repetitions = 20): LatencyStats {
  const questions = qaSets('dev').flatMap((s) => s.lines);
  return measureLatency(questions, (q) => answerQuestion(kb, q.q, { authority: q.authority }), repetitions);
}

/** Start a fresh Node process that loads the prebuilt knowledge and answers one question. */
function measureReady(): { readyMs: number; firstAnswerMs: number } {
  const script = `
    const t0 = performance.now();
    const { loadKnowledge, answerQuestion } = require('./knowledge/search');
    const kb = loadKnowledge();
    const ready = performance.now() - t0;
    answerQuestion(kb, 'who chairs the MARAC', {});
    process.stdout.write(JSON.stringify({ readyMs: ready, firstAnswerMs: performance.now() - t0 }));`;
  const tsx = join(projectRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const out = execFileSync(process.execPath, [tsx, '-e', script], { cwd: projectRoot, encoding: 'utf8' });
  return JSON.parse(out) as { readyMs: number; firstAnswerMs: number };
}

export function triageLatency(repetitions = 20): LatencyStats {
  const tk = loadTriageKnowledge();
  const vignettes = triageSets('dev').flatMap((s) => s.lines);
  return measureLatency(vignettes, (v) => triage(tk, { authority: v.authority, description: v.description }), repetitions);
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Start the real bot (as `npm start` does, prebuilt index) and time it until /healthz answers. */
async function measureServerReady(): Promise<number> {
  const port = await freePort();
  const tsx = join(projectRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const t0 = performance.now();
  const child = spawn(process.execPath, [tsx, 'bot/index.ts'], {
    cwd: projectRoot,
    env: { ...process.env, PORT: String(port), STORAGE: 'memory', OPEN_BROWSER: 'false', MicrosoftAppId: '' },
    stdio: 'ignore',
  });
  try {
    for (let attempt = 0; attempt < 300; attempt++) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/healthz`);
        if (res.ok) return performance.now() - t0;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error('the bot did not become ready within the bench time limit');
  } finally {
    child.kill();
  }
}

async function main(): Promise<void> {
  // --knowledge-dir DIR times the build of another knowledge tree (the rest uses the prebuilt index).
  const at = process.argv.indexOf('--knowledge-dir');
  const knowledgeDir = at >= 0 ? process.argv[at + 1] : undefined;
  const tmp = mkdtempSync(join(tmpdir(), 'kb-bench-'));
  try {
    const build = await buildKnowledge({ outDir: tmp, knowledgeDir });
    console.log(
      `index build: ${build.indexMs.toFixed(0)} ms parse + passages + lunr index (${build.documents} documents, ${build.passages} passages); ` +
        `whole knowledge build incl. validation and triage ${build.ms.toFixed(0)} ms`,
    );
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  const ready = measureReady();
  console.log(`ready (fresh process, prebuilt index): load ${ready.readyMs.toFixed(0)} ms, first answer at ${ready.firstAnswerMs.toFixed(0)} ms (target ≤ 1000 ms)`);
  const serverMs = await measureServerReady();
  console.log(`bot server start to /healthz (tsx bot/index.ts, prebuilt index, includes TypeScript loading): ${serverMs.toFixed(0)} ms`);
  const before = process.memoryUsage().rss;
  const kb = loadKnowledge(builtKnowledgeDir);
  const rss = process.memoryUsage().rss;
  const lat = questionLatency(kb);
  console.log(`question latency over ${lat.runs} runs: p50 ${lat.p50.toFixed(2)} ms, p95 ${lat.p95.toFixed(2)} ms, max ${lat.max.toFixed(2)} ms (target p95 ≤ 20 ms)`);
  const tri = triageLatency();
  console.log(`triage latency over ${tri.runs} runs: p50 ${tri.p50.toFixed(2)} ms, p95 ${tri.p95.toFixed(2)} ms, max ${tri.max.toFixed(2)} ms`);
  console.log(`resident memory after load: ${(rss / 1048576).toFixed(1)} MB (load added ${((rss - before) / 1048576).toFixed(1)} MB)`);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(`bench: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  });
}
