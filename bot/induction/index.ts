import type { PolicyBot } from '../handler';
import { builtSources, type CourseSources } from './course';
import { InductionFlow } from './flow';
import { sendInductionStatus } from './status';
import { answerEnvelope, plainVerb, VERBS } from './submissions';

export { InductionFlow } from './flow';
export { PROGRESS_PROPERTY as INDUCTION_STATE_PROPERTY, progressSchema as inductionProgressSchema } from './progress';
export { VERBS as INDUCTION_VERBS } from './submissions';

export interface InductionOptions {
  /** Defaults to the built course and contacts (build/knowledge), loaded on first use. */
  sources?: CourseSources;
  today?: () => string;
}

const START = /^(?:(?:start|begin|resume|continue)\s+(?:the\s+|my\s+)?)?induction[.!]?$/i;
const PROGRESS = /^(?:my\s+)?induction\s+progress[.!?]?$/i;
const STATUS = /^induction\s+status\b/i;
const RESTART = /^restart\s+(?:the\s+|my\s+)?induction[.!]?$/i;

/**
 * The induction course for new starters (knowledge/induction/course.yaml): `induction` (also
 * "start induction", "resume induction"), `induction progress`, `restart induction`,
 * `induction status @colleague`, and the course cards' buttons.
 */
export function registerInduction(bot: PolicyBot, opts: InductionOptions = {}): InductionFlow {
  const flow = new InductionFlow(bot, { sources: opts.sources ?? builtSources, ...(opts.today ? { today: opts.today } : {}) });
  bot
    .registerCommand({
      name: 'induction',
      match: (t) => START.test(t),
      handle: flow.start,
      help: { usage: 'induction', description: 'A short guided course for new starters, from your policies; it saves your place (also "resume induction").' },
    })
    .registerCommand({ name: 'induction-progress', match: (t) => PROGRESS.test(t), handle: flow.report })
    .registerCommand({ name: 'induction-restart', match: (t) => RESTART.test(t), handle: flow.restart })
    .registerCommand({
      name: 'induction-status',
      match: (t) => STATUS.test(t),
      handle: ({ turn }) => sendInductionStatus(bot, flow.shared, turn),
    })
    .registerAction({ verb: VERBS.answer, schema: answerEnvelope, handle: flow.answer })
    .registerAction({ verb: VERBS.next, schema: plainVerb(VERBS.next), handle: flow.next })
    .registerAction({ verb: VERBS.restart, schema: plainVerb(VERBS.restart), handle: flow.restart })
    .registerAction({ verb: VERBS.share, schema: plainVerb(VERBS.share), handle: (ctx) => flow.setSharing(ctx, true) })
    .registerAction({ verb: VERBS.unshare, schema: plainVerb(VERBS.unshare), handle: (ctx) => flow.setSharing(ctx, false) });
  return flow;
}
