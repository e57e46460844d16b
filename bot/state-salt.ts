import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from './config';

/** The file, in the file store's folder, that keeps the generated salt when STATE_KEY_SALT is not set. */
export const SALT_FILE = '.state-key-salt';

/**
 * The secret that state keys and stored ids are hashed with (bot/state-keys.ts). STATE_KEY_SALT
 * when set (required for blob storage, where every instance must agree). Otherwise the file store
 * generates one on first start and keeps it beside the state; memory storage uses a fresh one per
 * process (its state does not outlive the process either).
 */
export function resolveStateSalt(config: Pick<Config, 'storage' | 'stateKeySalt'>): string {
  if (config.stateKeySalt) return config.stateKeySalt;
  if (config.storage.kind !== 'file') return randomBytes(32).toString('hex');
  const file = join(config.storage.dir, SALT_FILE);
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  mkdirSync(config.storage.dir, { recursive: true });
  const salt = randomBytes(32).toString('hex');
  try {
    writeFileSync(file, `${salt}\n`, { flag: 'wx', mode: 0o600 });
    return salt;
  } catch (err) {
    // Another process wrote it first: use theirs.
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(file, 'utf8').trim();
    throw err;
  }
}
