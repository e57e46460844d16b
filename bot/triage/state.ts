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
  /** Who started it, as a keyed hash of activity.from.id (bot.stateIdOf): someone else's submissions are refused. */
  owner: z.string(),
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
  /** When the dialog last moved (epoch ms): an idle dialog is forgotten (TRIAGE_IDLE_HOURS). */
  touchedAt: z.number().optional(),
});
export type DialogState = z.infer<typeof dialogStateSchema>;

export const STATE_PROPERTY = 'triageDialog';

export function newDialogId(): string {
  return randomBytes(12).toString('base64url');
}

export const DEFAULT_IDLE_MS = 24 * 60 * 60 * 1000;

/**
 * Reads and writes the dialog state; anything stored that does not parse counts as no dialog, and
 * so does a dialog idle for longer than `idleMs`: it is deleted when next read, so the indicator
 * ids and facts of an abandoned triage are not kept.
 */
export class DialogStore {
  constructor(
    private readonly accessor: StatePropertyAccessor<unknown>,
    private readonly idleMs: number = DEFAULT_IDLE_MS,
    private readonly now: () => number = Date.now,
  ) {}

  async get(turn: TurnContext): Promise<DialogState | undefined> {
    const parsed = dialogStateSchema.safeParse(await this.accessor.get(turn));
    if (!parsed.success) return undefined;
    if (this.expired(parsed.data)) {
      await this.accessor.delete(turn);
      return undefined;
    }
    return parsed.data;
  }

  /** True when the stored dialog (parsed or not) was left idle too long; used to say so on a stale card. */
  async wasExpired(turn: TurnContext): Promise<boolean> {
    const parsed = dialogStateSchema.safeParse(await this.accessor.get(turn));
    return parsed.success && this.expired(parsed.data);
  }

  private expired(state: DialogState): boolean {
    return state.touchedAt !== undefined && this.now() - state.touchedAt > this.idleMs;
  }

  /** Forget the dialog: every card it sent becomes out of date. */
  async clear(turn: TurnContext): Promise<void> {
    await this.accessor.delete(turn);
  }

  async set(turn: TurnContext, state: DialogState): Promise<void> {
    // A fresh object each time: nothing left over from an earlier step survives by accident.
    await this.accessor.set(turn, dialogStateSchema.parse({ ...state, touchedAt: this.now() }));
  }
}
