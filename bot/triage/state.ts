import { randomBytes } from 'node:crypto';
import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import { z } from 'zod';

/**
 * The triage dialog's state, kept in conversation state between turns. Only what the next step
 * needs: never the description. Indicator ids and facts live here between reading the
 * description and showing the result, and are dropped once the result is shown.
 */

export const STEPS = ['authority', 'describe', 'confirm', 'result'] as const;
export type Step = (typeof STEPS)[number];

const factsSchema = z.object({
  childAges: z.array(z.number()),
  unborn: z.boolean(),
  immediateDanger: z.boolean(),
  policeNotifications: z.number().optional(),
  dashScore: z.number().optional(),
  positionOfTrust: z.string().optional(),
  noChildren: z.boolean().optional(),
  specialNeeds: z.boolean().optional(),
  unexplainedHarm: z.boolean().optional(),
});

export const dialogStateSchema = z.object({
  /** Carried by every card of this dialog; a new triage or "Start again" makes a new one. */
  id: z.string(),
  /** Who started it (activity.from.id): someone else's submissions are refused. */
  userId: z.string(),
  step: z.enum(STEPS),
  /** The dialog card's activity id, to update it in place. */
  activityId: z.string().optional(),
  authority: z.string().optional(),
  danger: z.boolean().optional(),
  /** Read from the description, for the confirmation card (step 'confirm' only). */
  indicatorIds: z.array(z.string()).optional(),
  /** Of those, the ones suggested by meaning alone ("suggested: please confirm"). */
  suggestedIds: z.array(z.string()).optional(),
  facts: factsSchema.optional(),
});
export type DialogState = z.infer<typeof dialogStateSchema>;

export const STATE_PROPERTY = 'triageDialog';

export function newDialogId(): string {
  return randomBytes(12).toString('base64url');
}

/** Reads and writes the dialog state; anything stored that does not parse counts as no dialog. */
export class DialogStore {
  constructor(private readonly accessor: StatePropertyAccessor<unknown>) {}

  async get(turn: TurnContext): Promise<DialogState | undefined> {
    const parsed = dialogStateSchema.safeParse(await this.accessor.get(turn));
    return parsed.success ? parsed.data : undefined;
  }

  /** Forget the dialog: every card it sent becomes out of date. */
  async clear(turn: TurnContext): Promise<void> {
    await this.accessor.delete(turn);
  }

  async set(turn: TurnContext, state: DialogState): Promise<void> {
    // A fresh object each time: nothing left over from an earlier step survives by accident.
    await this.accessor.set(turn, dialogStateSchema.parse(state));
  }
}
