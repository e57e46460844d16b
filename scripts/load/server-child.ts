import '../../bot/known-warnings';
import cluster from 'node:cluster';
import { readFileSync } from 'node:fs';
import { createApp } from '../../bot/app';
import { announceListening, runPrimary } from '../../bot/cluster';
import { loadConfig, type Config } from '../../bot/config';
import { loadEngine } from '../../bot/engine';
import { createLogger } from '../../bot/log';
import { createEchoApp } from './echo-app';
import { relayToWorkers } from './relay';
import { WindowProfiler } from './profiler';

/**
 * The server under load, started by scripts/bench-load.ts with the environment it chose
 * (unauthenticated, local chat off, file storage in a temp folder, logs on stdout as in
 * production, WORKERS). With WORKERS above 1 this process is the bot's own cluster primary
 * (bot/cluster.ts) and relays the benchmark's questions to its workers.
 * BENCH_MODE: `real` (the bot), `stub` (the bot, engine answers from a map) or `echo` (the ceiling).
 * Messages: `bench:ready` once serving; `bench:stats` (CPU time and memory, after a full GC when
 * asked); `bench:profile-start` / `bench:profile-stop` (a CPU profile of that window); `bench:exit`.
 */
export type BenchMode = 'real' | 'stub' | 'echo';

export interface ChildStats {
  cpuMicros: number;
  rss: number;
  heapUsed: number;
  processes: number;
}

export interface BenchRequest {
  type: 'bench:stats' | 'bench:profile-start' | 'bench:profile-stop' | 'bench:exit';
  /** Echoed in the reply, so that replies to requests still in flight are told apart. */
  id?: number;
  gc?: boolean;
  file?: string;
}

async function serverFor(mode: BenchMode, config: Config) {
  const log = createLogger();
  if (mode === 'echo') return createEchoApp(config, log);
  const real = loadEngine();
  await real.whenReady();
  if (mode === 'real') return createApp(config, log, { engine: real });
  const { stubEngine } = await import('./stub-engine');
  const questions = JSON.parse(readFileSync(process.env.BENCH_QUESTIONS ?? '', 'utf8')) as string[];
  return createApp(config, log, { engine: await stubEngine(real, questions) });
}

function ownStats(gc: boolean): ChildStats {
  if (gc) (globalThis as { gc?: () => void }).gc?.();
  const cpu = process.cpuUsage();
  const mem = process.memoryUsage();
  return { cpuMicros: cpu.user + cpu.system, rss: mem.rss, heapUsed: mem.heapUsed, processes: 1 };
}

/** A process that serves (alone, or as a worker): answers the benchmark's requests itself. */
async function serve(mode: BenchMode, config: Config): Promise<void> {
  const server = await serverFor(mode, config);
  let profiler: WindowProfiler | undefined;
  process.on('message', async (msg: BenchRequest) => {
    if (msg.type === 'bench:stats') process.send?.({ type: 'bench:stats', id: msg.id, stats: ownStats(msg.gc === true) });
    if (msg.type === 'bench:profile-start') await (profiler ??= new WindowProfiler()).start();
    if (msg.type === 'bench:profile-stop' && msg.file) await profiler?.stop(msg.file);
    if (msg.type.startsWith('bench:profile-')) process.send?.({ type: 'bench:profiled', id: msg.id });
    if (msg.type === 'bench:exit') process.exit(0);
  });
  server.listen(config.port, config.host, () => {
    announceListening();
    process.send?.({ type: 'bench:ready' });
  });
}

function main(): Promise<void> {
  const mode = (process.env.BENCH_MODE ?? 'real') as BenchMode;
  const config = loadConfig();
  if (config.workers > 1 && cluster.isPrimary) {
    runPrimary({ workers: config.workers, shutdownTimeoutMs: config.shutdownTimeoutMs, log: createLogger() });
    relayToWorkers(config.workers);
    return Promise.resolve();
  }
  return serve(mode, config);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
