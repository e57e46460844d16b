import { open, rm, stat } from 'node:fs/promises';

/** A lock older than this was left by a process that stopped while holding it. */
const STALE_MS = 10_000;
const RETRY_MS = 2;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function acquire(lock: string): Promise<void> {
  for (;;) {
    try {
      await (await open(lock, 'wx')).close();
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const age = await stat(lock).then(
      (s) => Date.now() - s.mtimeMs,
      () => 0,
    );
    if (age > STALE_MS) await rm(lock, { force: true });
    else await pause(RETRY_MS);
  }
}

/**
 * Run `work` holding an exclusive lock on `file` between processes (the bot's workers): a
 * `<file>.lock` created only if absent, removed afterwards. A lock older than ten seconds is
 * taken to be left by a process that died and is broken.
 */
export async function withFileLock<T>(file: string, work: () => Promise<T>): Promise<T> {
  const lock = `${file}.lock`;
  await acquire(lock);
  try {
    return await work();
  } finally {
    await rm(lock, { force: true });
  }
}
