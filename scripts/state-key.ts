import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, loadConfig, loadDotEnv } from '../bot/config';
import { resolveStateSalt, SALT_FILE } from '../bot/state-salt';
import { stateKeyFor } from '../bot/state-keys';
import { FileStorage } from '../bot/storage';

/**
 * `npm run --silent state:key -- user <Teams user id>` or `-- conversation <conversation id>`:
 * where that person's or chat's state is stored (for a subject access or erasure request). Keys
 * are keyed hashes (bot/state-keys.ts), so this needs the same STATE_KEY_SALT (or, for the file
 * store, the salt file in STORAGE_DIR) as the running bot. It reads nothing from the store.
 */
function main(argv: string[]): void {
  const [kind, id] = argv;
  if ((kind !== 'user' && kind !== 'conversation') || !id) {
    console.error('usage: npm run --silent state:key -- user <Teams user id, 29:…> | conversation <conversation id>');
    process.exit(2);
  }
  loadDotEnv();
  const config = loadConfig();
  if (config.storage.kind === 'memory') throw new ConfigError(['STORAGE: memory state is not kept anywhere']);
  if (config.storage.kind === 'file' && !config.stateKeySalt && !existsSync(join(config.storage.dir, SALT_FILE))) {
    throw new ConfigError([`STATE_KEY_SALT: not set, and ${join(config.storage.dir, SALT_FILE)} does not exist yet (nothing has been stored)`]);
  }
  const key = stateKeyFor(resolveStateSalt(config), kind === 'user' ? 'users' : 'conversations', id);
  if (config.storage.kind === 'blob') {
    // BlobsStorage names a blob by its URI-encoded key.
    console.log(`blob ${encodeURIComponent(key)} in container ${config.storage.container}`);
  } else {
    console.log(`file ${new FileStorage(config.storage.dir).fileFor(key)} (key ${key})`);
  }
}

try {
  main(process.argv.slice(2));
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : `state:key failed: ${err instanceof Error ? err.name : 'unknown error'}`);
  process.exit(1);
}
