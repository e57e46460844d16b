import { z } from 'zod';
import { createTriager, loadIndicatorMeaning, loadTriageKnowledge, type Triager } from '../../knowledge/triage';
import type { PolicyBot } from '../handler';
import { TriageDialog } from './dialog';
import { askSubmission, envelope, VERBS } from './submissions';

export { TriageDialog } from './dialog';
export { TRIAGE_MESSAGES } from '../messages';
export { STATE_PROPERTY as TRIAGE_STATE_PROPERTY, type DialogState } from './state';
export { VERBS as TRIAGE_VERBS } from './submissions';

export interface TriageDialogOptions {
  /** Defaults to both readers over the built knowledge (build/knowledge), loaded on first use. */
  triager?: () => Triager;
}

let defaultTriager: Triager | undefined;
/** Patterns and meaning over the built knowledge; the encoder loads in the background. */
export function sharedTriager(): Triager {
  defaultTriager ??= createTriager(loadTriageKnowledge(), loadIndicatorMeaning());
  return defaultTriager;
}

/**
 * Plug the triage dialog into the bot: it becomes the triage starter (`triage`, "I'm worried
 * about…", the welcome card's button) and handles the triage cards' verbs.
 */
export function registerTriageDialog(bot: PolicyBot, opts: TriageDialogOptions = {}): TriageDialog {
  const dialog = new TriageDialog(bot, opts.triager ?? sharedTriager);
  bot
    .setTriageStarter(dialog.start)
    .registerCommand({
      name: 'cancel',
      match: (t) => /^(?:cancel|stop)(?:\s+(?:the\s+)?triage)?[.!]?$/i.test(t),
      handle: ({ turn }) => dialog.cancel(turn),
      help: { usage: 'cancel', description: 'Stop a triage in progress; nothing you entered is kept.' },
    })
    .registerAction({ verb: VERBS.start, schema: envelope(VERBS.start), handle: (ctx, data) => dialog.onStart(ctx, data) })
    .registerAction({ verb: VERBS.describe, schema: envelope(VERBS.describe), handle: (ctx, data) => dialog.onDescribe(ctx, data) })
    .registerAction({ verb: VERBS.confirm, schema: envelope(VERBS.confirm), handle: (ctx, data) => dialog.onConfirm(ctx, data) })
    .registerAction({ verb: VERBS.restart, schema: envelope(VERBS.restart), handle: (ctx, data) => dialog.onRestart(ctx, data) })
    .registerAction({
      verb: VERBS.ask,
      schema: askSubmission.extend({ verb: z.literal(VERBS.ask) }),
      handle: (ctx, data) => dialog.onAsk(ctx, data),
    });
  return dialog;
}
