import type { Storage } from 'botbuilder';
import { z } from 'zod';
import { StorageError } from '../storage-errors';

/**
 * Shared completions: when a user chooses to share, one record under a hash of their id holding
 * only the date they completed the induction. `induction status @colleague` reads it. No names,
 * no answers, no score.
 */

const recordSchema = z.object({ completedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) });

const keyOf = (hashedUser: string) => `induction/shared/${hashedUser}`;

export class SharedCompletions {
  constructor(private readonly storage: () => Storage | undefined) {}

  /** False when there is no store or it could not be written. */
  async share(hashedUser: string, completedOn: string): Promise<boolean> {
    return this.tryStore((s) => s.write({ [keyOf(hashedUser)]: { completedOn, eTag: '*' } }));
  }

  async unshare(hashedUser: string): Promise<boolean> {
    return this.tryStore((s) => s.delete([keyOf(hashedUser)]));
  }

  /** The shared completion date, if any (undefined too when storage cannot be read). */
  async completedOn(hashedUser: string): Promise<string | undefined> {
    let found: string | undefined;
    await this.tryStore(async (s) => {
      const parsed = recordSchema.safeParse((await s.read([keyOf(hashedUser)]))[keyOf(hashedUser)]);
      if (parsed.success) found = parsed.data.completedOn;
    });
    return found;
  }

  private async tryStore(work: (s: Storage) => Promise<void>): Promise<boolean> {
    const storage = this.storage();
    if (!storage) return false;
    try {
      await work(storage);
      return true;
    } catch (err) {
      if (err instanceof StorageError) return false;
      throw err;
    }
  }
}
