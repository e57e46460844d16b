import cluster, { type Worker } from 'node:cluster';
import { RateLimiterClusterMaster } from 'rate-limiter-flexible';
import { newWorkerSalt, WORKER_SALT_ENV, type Logger } from './log';

/**
 * WORKERS above 1: a primary process that loads nothing of the bot and forks that many workers,
 * each a whole bot sharing the port (Node's cluster module hands connections round). The first
 * starts alone, so the port answers as soon as one process would; the rest follow once it serves.
 * The primary keeps the per-user rate for all of them, gives them one log salt, reports /readyz as
 * ready only once every worker's models are loaded, and replaces a worker that dies after it was
 * serving. State must live outside the processes (STORAGE=file or blob, local chat off: bot/config.ts).
 */
type WorkerMessage = { type: 'bot:listening' } | { type: 'bot:meaning'; status: string };
interface ReadyMessage {
  type: 'bot:workers-ready';
  ready: boolean;
}

/** More restarts than this in a minute means the workers cannot run: the primary gives up. */
const MAX_RESTARTS_A_MINUTE = 10;

/** SHUTDOWN_TIMEOUT_MS's default (bot/env.ts). */
const DEFAULT_SHUTDOWN_TIMEOUT_MS = 10_000;
/** How much longer than the workers' SHUTDOWN_TIMEOUT_MS the primary waits for them, so that they exit first. */
const SHUTDOWN_MARGIN_MS = 5_000;

function liveWorkers(): Worker[] {
  return Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined && w.isConnected());
}

/** Tells every worker, when it changes, whether all of them have their models loaded. */
function readinessBroadcaster(count: number, meaning: Map<number, string>): () => void {
  let last: boolean | undefined;
  return () => {
    const live = liveWorkers();
    const ready = live.length === count && live.every((w) => meaning.get(w.id) === 'ready');
    if (ready === last) return;
    last = ready;
    const message: ReadyMessage = { type: 'bot:workers-ready', ready };
    for (const w of live) w.send(message);
  };
}

function stopOnSignals(state: { stopping: boolean; exitCode: number }, shutdownTimeoutMs: number): void {
  const stop = () => {
    state.stopping = true;
    for (const w of liveWorkers()) w.kill('SIGTERM');
    // The workers drain for up to SHUTDOWN_TIMEOUT_MS; exiting sooner would cut their running turns.
    setTimeout(() => process.exit(state.exitCode), shutdownTimeoutMs + SHUTDOWN_MARGIN_MS).unref();
    if (liveWorkers().length === 0) process.exit(state.exitCode);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

/** `shutdownTimeoutMs`: the workers' SHUTDOWN_TIMEOUT_MS (config.shutdownTimeoutMs; default, its default). */
export function runPrimary(opts: { workers: number; shutdownTimeoutMs?: number; log: Logger }): void {
  const { workers, shutdownTimeoutMs = DEFAULT_SHUTDOWN_TIMEOUT_MS, log } = opts;
  new RateLimiterClusterMaster();
  const env = { [WORKER_SALT_ENV]: newWorkerSalt() };
  const meaning = new Map<number, string>();
  const listening = new Set<number>();
  const restarts: number[] = [];
  const state = { stopping: false, exitCode: 0 };
  const broadcast = readinessBroadcaster(workers, meaning);
  let forked = 0;
  cluster.on('message', (worker: Worker, msg: WorkerMessage) => {
    if (msg?.type === 'bot:listening') listening.add(worker.id);
    // The first worker starts alone, so that it serves as soon as one process would; then the rest.
    if (msg?.type === 'bot:listening' && forked < workers) for (; forked < workers; forked++) cluster.fork(env);
    if (msg?.type === 'bot:meaning') meaning.set(worker.id, msg.status);
    broadcast();
  });
  cluster.on('exit', (worker: Worker, code: number, signal: string) => {
    const wasServing = listening.delete(worker.id);
    meaning.delete(worker.id);
    const stopped = state.stopping || signal === 'SIGTERM' || signal === 'SIGINT';
    if (!stopped) log.error('worker-exit', { worker: worker.id, code: code ?? undefined, signal: signal ?? undefined });
    const now = Date.now();
    while (restarts.length > 0 && restarts[0]! < now - 60_000) restarts.shift();
    if (stopped || !wasServing || restarts.length >= MAX_RESTARTS_A_MINUTE) {
      // A worker that never served (bad knowledge, port taken) would fail again: stop, as one process would.
      if (!stopped) Object.assign(state, { stopping: true, exitCode: code || 1 });
      for (const w of liveWorkers()) w.kill('SIGTERM');
      if (liveWorkers().length === 0) process.exit(state.exitCode);
      return;
    }
    restarts.push(now);
    cluster.fork(env);
    broadcast();
  });
  stopOnSignals(state, shutdownTimeoutMs);
  cluster.fork(env);
  forked = 1;
  log.info('primary', { workers });
}

/**
 * In a worker: tells the primary how its models stand, and learns whether every worker's are
 * loaded. Returns what /readyz asks (undefined when not a worker, i.e. a single process).
 */
export function joinPrimary(engine: { whenReady(): Promise<void>; readonly meaningStatus: string }): (() => boolean) | undefined {
  if (!cluster.isWorker) return undefined;
  let allReady = false;
  process.on('message', (msg: ReadyMessage) => {
    if (msg?.type === 'bot:workers-ready') allReady = msg.ready === true;
  });
  const report = () => process.send?.({ type: 'bot:meaning', status: engine.meaningStatus } satisfies WorkerMessage);
  report();
  void engine.whenReady().then(report, report);
  return () => allReady;
}

/** In a worker: tells the primary it is serving (a worker that dies after this is replaced). */
export function announceListening(): void {
  if (cluster.isWorker) process.send?.({ type: 'bot:listening' } satisfies WorkerMessage);
}
