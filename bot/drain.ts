import type { Logger } from './log';

/**
 * Graceful shutdown. On SIGTERM (App Service, Container Apps and Kubernetes send it before they
 * stop an instance) the server stops accepting, the turns already running finish (up to
 * SHUTDOWN_TIMEOUT_MS), and then the process exits; a turn is never cut off mid-answer unless it
 * overruns the limit.
 */
export interface TurnTracker {
  /** Run one request's work, counted while it runs. */
  track<T>(work: () => Promise<T>): Promise<T>;
  readonly inFlight: number;
  /** False once draining has started: new requests get 503. */
  readonly accepting: boolean;
  stopAccepting(): void;
  /** Resolves when no tracked work is running. */
  idle(): Promise<void>;
}

export function createTurnTracker(): TurnTracker {
  let inFlight = 0;
  let accepting = true;
  let waiters: (() => void)[] = [];
  const settle = () => {
    if (inFlight > 0) return;
    const done = waiters;
    waiters = [];
    for (const resolve of done) resolve();
  };
  return {
    async track(work) {
      inFlight++;
      try {
        return await work();
      } finally {
        inFlight--;
        settle();
      }
    },
    get inFlight() {
      return inFlight;
    },
    get accepting() {
      return accepting;
    },
    stopAccepting: () => {
      accepting = false;
    },
    idle: () =>
      new Promise<void>((resolve) => {
        waiters.push(resolve);
        settle();
      }),
  };
}

export interface DrainResult {
  /** True when every running turn finished within the limit. */
  drained: boolean;
  /** Turns still running when the limit was reached. */
  abandoned: number;
}

/** Stop accepting (new connections and new requests), then wait for running turns, at most `timeoutMs`. */
export async function drain(server: { close(callback?: () => void): unknown }, turns: TurnTracker, timeoutMs: number): Promise<DrainResult> {
  turns.stopAccepting();
  server.close();
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const drained = await Promise.race([turns.idle().then(() => true as const), limit]);
  clearTimeout(timer);
  return { drained, abandoned: turns.inFlight };
}

export interface ShutdownOptions {
  server: { close(callback?: () => void): unknown };
  turns: TurnTracker;
  timeoutMs: number;
  log: Logger;
  exit?: (code: number) => void;
}

/** On SIGTERM or SIGINT: drain, log the outcome, exit (0 when every turn finished, 1 otherwise). */
export function exitGracefullyOnSignals(opts: ShutdownOptions): void {
  const exit = opts.exit ?? ((code: number) => process.exit(code));
  let started = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (started) return;
    started = true;
    opts.log.info('shutdown', { signal, inFlight: opts.turns.inFlight, timeoutMs: opts.timeoutMs });
    void drain(opts.server, opts.turns, opts.timeoutMs).then(({ drained, abandoned }) => {
      opts.log.info('stopped', { drained, abandoned });
      exit(drained ? 0 : 1);
    });
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}
