import type { KnowledgeBase } from '../knowledge/search';
import type { TriageKnowledge } from '../knowledge/triage';
import { registerChampion } from './champion/feature';
import { registerFeedback, type FeedbackSettings } from './feedback/feature';
import type { PolicyBot } from './handler';
import type { RouteRegistrar } from './server';
import { registerInduction } from './induction';
import { tabRoutes } from './tab/routes';
import { registerCompareCommand } from './teams/compare';
import { registerContactsCommand } from './teams/contacts';
import { registerEscalationCommand } from './teams/escalation';
import { registerMessageExtension } from './teams/message-extension';
import { registerServicesCommand } from './teams/services';
import { registerTabLinkCommands } from './teams/tab-links';
import { registerTriageDialog } from './triage';

/**
 * Everything a deployment offers on top of the core handler: the message extension, the
 * contacts card, escalation routes, compare, services, the library and pathways links, the triage dialog, the induction
 * course, feedback and the champions' report, "Ask a champion", and the personal tab. The server and the tests wire the same set through this
 * one function.
 */
export function registerFeatures(bot: PolicyBot, knowledge: { kb: KnowledgeBase; triage: TriageKnowledge }, feedback: FeedbackSettings): RouteRegistrar[] {
  registerMessageExtension(bot);
  registerContactsCommand(bot);
  registerEscalationCommand(bot);
  registerCompareCommand(bot);
  registerServicesCommand(bot);
  registerTabLinkCommands(bot);
  registerTriageDialog(bot);
  registerInduction(bot);
  const reportRoute = registerFeedback(bot, feedback);
  registerChampion(bot, {
    config: feedback.champion ?? { roleLabel: 'Domestic abuse champion', questionDays: 14 },
    feedback: feedback.store,
    championIds: feedback.championIds,
    ...(feedback.now ? { now: feedback.now } : {}),
  });
  return [tabRoutes({ kb: knowledge.kb, triage: knowledge.triage }), reportRoute];
}
