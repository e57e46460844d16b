import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildKnowledge } from '../knowledge/ingest/build';
import { builtKnowledgeDir, knowledgeDir, projectRoot } from '../knowledge/paths';
import { answerQuestion, createPolicyAnswerer, loadKnowledge, type KnowledgeBase } from '../knowledge/search';
import { normaliseQuestion } from '../knowledge/search/answer-question';
import { loadUseLiteEncoder } from '../knowledge/meaning/use-lite-encoder';
import { loadTriageKnowledge, triage } from '../knowledge/triage';
import { qaSets, triageSets } from './eval/sets';
import { freePort } from './free-port';
import { mb, percentiles } from './load/stats';

/**
 * `npm run bench [-- --scale N [--scaled-only] | --start]`: figures, never pass/fail. The knowledge build; per-question
 * latency in process with both signals (each question encoded once, then repeated from the
 * cache) and what the meaning layer costs; triage latency; a knowledge base N times today's
 * (default 100: every document repeated under new authority ids) built, loaded and queried; and
 * the server's start to /healthz (lexical answers) and to /readyz (encoder loaded); `--start`
 * times the server's start alone; `--scaled-only` runs the N-times knowledge base alone.
 */
function fmt(times: number[]): string {
  const s = percentiles(times);
  return `p50 ${s.p50.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms, max ${s.max.toFixed(1)} ms over ${times.length}`;
}

async function time<T>(inputs: readonly T[], fn: (input: T) => unknown): Promise<number[]> {
  const out: number[] = [];
  for (const input of inputs) {
    const t = performance.now();
    await fn(input);
    out.push(performance.now() - t);
  }
  return out;
}

/** Questions from every dev and calibration set (frozen sets are only ever scored). */
function benchQuestions(): { q: string; authority?: string }[] {
  return [...qaSets('dev'), ...qaSets('calibration')].flatMap((s) => s.lines.map((l) => ({ q: l.q, authority: l.authority })));
}

async function questionLatency(kb: KnowledgeBase, questions: { q: string; authority?: string }[]): Promise<void> {
  const encoder = await loadUseLiteEncoder();
  const answerer = createPolicyAnswerer(kb, async () => encoder);
  await answerer.whenReady();
  const lexical = await time(questions, (x) => answerQuestion(kb, x.q, { authority: x.authority }));
  const encode = await time(questions.slice(0, 150), (x) => encoder.encode([normaliseQuestion(kb, `${x.q} `)]));
  const first = await time(questions, (x) => answerer.answer(x.q, { authority: x.authority }));
  // Asked again straight after (the cache keeps the last 2,000 questions; a second pass over more would time none from it).
  const repeated: number[] = [];
  for (const x of questions) {
    await answerer.answer(x.q, { authority: x.authority });
    const t = performance.now();
    await answerer.answer(x.q, { authority: x.authority });
    repeated.push(performance.now() - t);
  }
  console.log(`  both signals, first time asked (question encoded): ${fmt(first)}  (target p95 ≤ 60 ms)`);
  console.log(`  both signals, asked again (vector from cache):     ${fmt(repeated)}`);
  console.log(`  lexical evidence alone:                            ${fmt(lexical)}`);
  console.log(`  encoding one question (the meaning layer's cost):  ${fmt(encode)}`);
}

/** A copy of knowledge/ with every document and authority repeated `copies` times under new ids. */
export function scaledKnowledge(copies: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'kb-scaled-'));
  cpSync(knowledgeDir, dir, { recursive: true });
  const docIds = readdirSync(join(dir, 'sources'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => f.slice(0, -3))
    .filter((id) => id !== 'national-guidance');
  const authorityIds = readdirSync(join(dir, 'authorities'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -5));
  const rename = (text: string, n: number) => {
    let out = text;
    for (const id of [...docIds, ...authorityIds].sort((a, b) => b.length - a.length))
      out = out.replace(new RegExp(`(?<![\\w-])${id}(?![\\w-])`, 'g'), `${id}-copy${n}`);
    return out.replace(/^name: (.+)$/m, `name: $1 copy ${n}`).replace(/^aliases: .*$/m, 'aliases: []');
  };
  for (let n = 1; n < copies; n++) {
    for (const id of docIds) {
      const text = readFileSync(join(dir, 'sources', `${id}.md`), 'utf8');
      writeFileSync(join(dir, 'sources', `${id}-copy${n}.md`), rename(text, n));
    }
    for (const id of authorityIds)
      writeFileSync(join(dir, 'authorities', `${id}-copy${n}.yaml`), rename(readFileSync(join(dir, 'authorities', `${id}.yaml`), 'utf8'), n));
  }
  return dir;
}

async function scaled(copies: number, questions: { q: string; authority?: string }[]): Promise<void> {
  console.log(`knowledge base ${copies} times today's (every document repeated under new authority ids):`);
  const dir = scaledKnowledge(copies);
  const out = mkdtempSync(join(tmpdir(), 'kb-scaled-out-'));
  try {
    const build = await buildKnowledge({ knowledgeDir: dir, outDir: out });
    console.log(
      `  build: ${(build.ms / 1000).toFixed(1)} s for ${build.documents} documents, ${build.passages} passages ` +
        `(index ${(build.indexMs / 1000).toFixed(1)} s; vectors ${(build.meaningMs / 1000).toFixed(1)} s, ${build.encoded} texts encoded, the rest shared by identical text)`,
    );
    const before = process.memoryUsage().rss;
    const t = performance.now();
    const kb = loadKnowledge(out);
    console.log(
      `  load: ${(performance.now() - t).toFixed(0)} ms; resident memory ${mb(process.memoryUsage().rss)} MB (the load added ${mb(process.memoryUsage().rss - before)} MB)`,
    );
    const encoder = await loadUseLiteEncoder();
    const answerer = createPolicyAnswerer(kb, async () => encoder);
    await answerer.whenReady();
    const sample = questions.filter((_q, i) => i % 4 === 0);
    const lat = await time(sample, (x) => answerer.answer(x.q, { authority: x.authority }));
    console.log(`  questions, both signals: ${fmt(lat)}  (target p95 ≤ 100 ms); resident memory ${mb(process.memoryUsage().rss)} MB`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  }
}

/**
 * Start the server and time /healthz (answers served, lexical) and /readyz (encoder loaded, in
 * every worker). `workers` above 1 needs shared state, so those starts use file storage.
 */
async function serverStart(command: string[], workers = 1): Promise<{ health: number; ready: number }> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-start-'));
  const storage = workers > 1 ? { STORAGE: 'file', STORAGE_DIR: dataDir } : { STORAGE: 'memory' };
  const t0 = performance.now();
  const child = spawn(process.execPath, command, {
    cwd: projectRoot,
    env: { ...process.env, PORT: String(port), ...storage, WORKERS: String(workers), OPEN_BROWSER: 'false', MicrosoftAppId: '', LOCAL_CHAT: 'false' },
    stdio: 'ignore',
  });
  const until = async (path: string): Promise<number> => {
    for (let attempt = 0; attempt < 1500; attempt++) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}${path}`)).ok) return performance.now() - t0;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`${path} did not answer within the bench time limit`);
  };
  try {
    const health = await until('/healthz');
    return { health, ready: await until('/readyz') };
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill();
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Start-up of the server from source and compiled (one worker and two), knowledge prebuilt. */
async function serverStarts(): Promise<void> {
  console.log(`server start (prebuilt knowledge):`);
  const tsxStart = await serverStart([join(projectRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'bot/index.ts']);
  console.log(
    `  tsx bot/index.ts (npm start):        /healthz ${tsxStart.health.toFixed(0)} ms, /readyz ${tsxStart.ready.toFixed(0)} ms (target ready ≤ 3000 ms)`,
  );
  if (existsSync(join(projectRoot, 'build', 'dist', 'bot', 'index.js'))) {
    const nodeStart = await serverStart(['build/dist/bot/index.js']);
    console.log(
      `  node build/dist/bot/index.js (production): /healthz ${nodeStart.health.toFixed(0)} ms, /readyz ${nodeStart.ready.toFixed(0)} ms (target /healthz ≤ 1500 ms)`,
    );
    const twoWorkers = await serverStart(['build/dist/bot/index.js'], 2);
    console.log(
      `  the same with WORKERS=2 (file storage): /healthz ${twoWorkers.health.toFixed(0)} ms, /readyz ${twoWorkers.ready.toFixed(0)} ms (every worker's encoder)`,
    );
  } else console.log('  node build/dist/bot/index.js: not built (npm run build)');
}

async function main(): Promise<void> {
  const at = process.argv.indexOf('--scale');
  const copies = at >= 0 ? Number(process.argv[at + 1]) : 100;
  if (process.argv.includes('--start')) return serverStarts();
  const questions = benchQuestions();
  if (process.argv.includes('--scaled-only')) return scaled(copies, questions);

  console.log('knowledge build (this knowledge base):');
  const tmp = mkdtempSync(join(tmpdir(), 'kb-bench-'));
  try {
    const build = await buildKnowledge({ outDir: tmp });
    console.log(
      `  ${build.ms.toFixed(0)} ms in all: parse, passages and lunr index ${build.indexMs.toFixed(0)} ms; vectors ${build.meaningMs.toFixed(0)} ms (${build.encoded} texts encoded, the rest from the cache)`,
    );
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }

  console.log(`question latency in process (${questions.length} questions from the dev and calibration sets):`);
  const before = process.memoryUsage().rss;
  const kb = loadKnowledge(builtKnowledgeDir);
  await questionLatency(kb, questions);
  console.log(
    `  resident memory with knowledge and encoder loaded: ${mb(process.memoryUsage().rss)} MB (knowledge load added ${mb(process.memoryUsage().rss - before)} MB before the encoder)`,
  );

  const tk = loadTriageKnowledge();
  const vignettes = triageSets('dev').flatMap((s) => s.lines);
  console.log(`triage latency in process: ${fmt(await time(vignettes, (v) => triage(tk, { authority: v.authority, description: v.description })))}`);

  await serverStarts();

  await scaled(copies, questions);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(`bench: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  });
}
