import { createHmac } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';

/**
 * Teams user and conversation ids never reach the store. Bot Framework keys state by them
 * ("msteams/users/29:1abc…/", "msteams/conversations/a:1xyz…/"); this wrapper replaces every key
 * with a keyed hash (HMAC-SHA256 with STATE_KEY_SALT) that keeps only the channel and the kind:
 * "msteams/users/3f9c…". The same salt hashes the ids the bot keeps inside state (a triage
 * dialog's owner), so state outlives a restart and can still be found for a subject access
 * request by someone who holds the salt (see `stateKeyFor`).
 */
export interface StateIds {
  /** The stored key for a Bot Framework state key. */
  key(rawKey: string): string;
  /** A stored stand-in for an id kept inside state (e.g. the user who started a dialog). */
  id(rawId: string): string;
}

const HASH_CHARS = 32;

export function createStateIds(salt: string): StateIds {
  const digest = (text: string) => createHmac('sha256', salt).update(text).digest('hex').slice(0, HASH_CHARS);
  return {
    key: (rawKey) => {
      const m = /^([A-Za-z0-9_.-]+)\/(users|conversations)\//.exec(rawKey);
      return m ? `${m[1]}/${m[2]}/${digest(rawKey)}` : `other/${digest(rawKey)}`;
    },
    id: (rawId) => digest(`id:${rawId}`),
  };
}

/** The stored key of a user's or a conversation's state, as Bot Framework's UserState and ConversationState name them. */
export function stateKeyFor(salt: string, kind: 'users' | 'conversations', id: string, channelId = 'msteams'): string {
  return createStateIds(salt).key(`${channelId}/${kind}/${id}/`);
}

/** A Storage whose keys are hashed on the way in and restored on the way out. */
export function withHashedKeys(storage: Storage, ids: StateIds): Storage {
  return {
    async read(keys: string[]): Promise<StoreItems> {
      const stored = keys.map((k) => ids.key(k));
      const items = await storage.read(stored);
      const out: StoreItems = {};
      keys.forEach((k, i) => {
        const item = items[stored[i]!];
        if (item !== undefined) out[k] = item;
      });
      return out;
    },
    write: (changes: StoreItems) => storage.write(Object.fromEntries(Object.entries(changes).map(([k, v]) => [ids.key(k), v]))),
    delete: (keys: string[]) => storage.delete(keys.map((k) => ids.key(k))),
  };
}
