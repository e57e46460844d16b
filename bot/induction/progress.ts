import type { StatePropertyAccessor, TurnContext, UserState } from 'botbuilder';
import { z } from 'zod';
import { StorageError } from '../storage-errors';

/**
 * A user's induction progress, kept in user state: the ids of the steps done with how many answers
 * were right, the completion date and whether they chose to share it. Nothing the user typed or
 * chose is kept: only step ids and counts.
 */

const stepId = z.string().regex(/^[a-z0-9-]{1,60}$/);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const progressSchema = z
  .object({
    done: z.array(z.object({ id: stepId, right: z.number().int().min(0), of: z.number().int().min(1) }).strict()).max(200),
    completedOn: day.optional(),
    shared: z.boolean().optional(),
  })
  .strict();
export type Progress = z.infer<typeof progressSchema>;

export const PROGRESS_PROPERTY = 'induction';

export const EMPTY: Progress = { done: [] };

/** Reads and writes progress; anything stored that does not parse counts as no progress. */
export class ProgressStore {
  private readonly accessor: StatePropertyAccessor<unknown>;

  constructor(private readonly userState: UserState) {
    this.accessor = userState.createProperty<unknown>(PROGRESS_PROPERTY);
  }

  /** The stored progress; undefined when storage cannot be read (the caller carries on from the start). */
  async get(turn: TurnContext): Promise<Progress | undefined> {
    try {
      const parsed = progressSchema.safeParse(await this.accessor.get(turn));
      return parsed.success ? parsed.data : EMPTY;
    } catch (err) {
      if (err instanceof StorageError) return undefined;
      throw err;
    }
  }

  /** Save at once; false when storage could not save it (the caller says so). */
  async set(turn: TurnContext, progress: Progress): Promise<boolean> {
    try {
      await this.accessor.set(turn, progressSchema.parse(progress));
      await this.userState.saveChanges(turn);
      return true;
    } catch (err) {
      if (err instanceof StorageError) return false;
      throw err;
    }
  }
}

/** Right answers and questions over the steps done. */
export function scoreOf(progress: Progress): { right: number; of: number } {
  return progress.done.reduce((s, d) => ({ right: s.right + d.right, of: s.of + d.of }), { right: 0, of: 0 });
}
