import { join } from 'node:path';
import type { RunningServer } from './child';
import type { CountingConnector } from './connector';
import { runLoad } from './driver';
import { summariseProfile } from './profile-summary';
import type { BenchMode } from './server-child';
import { formatPercentiles, mb, percentiles, type Percentiles } from './stats';

/** One measured run: a warm-up, then `messages` at one concurrency against one running server. */
export interface PhaseOptions {
  mode: BenchMode;
  workers: number;
  concurrency: number;
  messages: number;
  warmup: number;
  /** Warm up with a new connection per message, each question once per worker in turn (the real engine's question cache is per worker). */
  warmEveryWorker?: boolean;
  users: number;
  questions: readonly string[];
  /** Folder to write the run's CPU profile(s) to, if wanted. */
  cpuProf?: string;
}

export interface PhaseResult {
  mode: BenchMode;
  workers: number;
  concurrency: number;
  rate: number;
  latency: Percentiles;
  cpuPerMessage: number;
}

export const LABELS: Record<BenchMode, string> = { echo: 'echo bot', stub: 'bot, stub engine', real: 'bot, real engine' };

export async function runPhase(opts: PhaseOptions, server: RunningServer, connector: CountingConnector): Promise<PhaseResult> {
  const load = { url: server.url, serviceUrl: connector.serviceUrl, concurrency: opts.concurrency, questions: opts.questions, users: opts.users };
  if (opts.warmEveryWorker) {
    const each = opts.questions.flatMap((q) => Array.from({ length: opts.workers }, () => q));
    await runLoad({ ...load, concurrency: 1, questions: each, messages: each.length, fresh: true });
  } else await runLoad({ ...load, messages: opts.warmup });
  const live = await server.stats(true);
  const before = await server.stats();
  const driverBefore = process.cpuUsage();
  const repliesBefore = { ...connector.counts };
  const endProfile = opts.cpuProf ? await server.profile() : undefined;
  const memory: string[] = [];
  const every = Math.max(1, Math.floor(opts.messages / 10));
  const onProgress = () => void server.stats().then((s) => memory.push(`${mb(s.rss)}/${mb(s.heapUsed)}`));
  const result = await runLoad({ ...load, messages: opts.messages, progress: { every, onProgress } });
  const after = await server.stats();
  const profileFile = opts.cpuProf ? join(opts.cpuProf, `${opts.mode}-w${opts.workers}-c${opts.concurrency}.cpuprofile`) : undefined;
  if (endProfile && profileFile) await endProfile(profileFile);
  const liveAfter = await server.stats(true);
  const driver = process.cpuUsage(driverBefore);
  const cpuPerMessage = (after.cpuMicros - before.cpuMicros) / 1000 / opts.messages;
  const rate = opts.messages / result.seconds;
  const latency = percentiles(result.latencies);
  console.log(
    `  ${LABELS[opts.mode]}, ${opts.concurrency} concurrent: ${rate.toFixed(0)} messages/s; ${formatPercentiles(latency)}; ` +
      `server CPU ${cpuPerMessage.toFixed(2)} ms/message (${after.processes} process${after.processes > 1 ? 'es' : ''}), ` +
      `load driver and connector ${((driver.user + driver.system) / 1000 / opts.messages).toFixed(2)} ms/message`,
  );
  console.log(
    `    ${opts.messages} messages in ${result.seconds.toFixed(1)} s, ${result.failures} failed, ${connector.counts.replies - repliesBefore.replies} replies ` +
      `(${connector.counts.cards - repliesBefore.cards} cards); memory MB rss/heap every 10%: ${memory.join(' ')}; ` +
      `live heap after a full GC ${mb(live.heapUsed)} → ${mb(liveAfter.heapUsed)} MB`,
  );
  if (profileFile) console.log(`    CPU profile(s): ${profileFile.replace(/\.cpuprofile$/, '*.cpuprofile')}`);
  if (profileFile && opts.workers === 1)
    console.log(
      summariseProfile(profileFile, 10)
        .map((l) => `    ${l}`)
        .join('\n'),
    );
  return { mode: opts.mode, workers: opts.workers, concurrency: opts.concurrency, rate, latency, cpuPerMessage };
}
