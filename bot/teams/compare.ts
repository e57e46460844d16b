import { compareCard } from '../../cards/escalation-card';
import { compareTopicNames, entriesFor, findCompareTopic } from '../../knowledge/routes';
import { loadTriageKnowledge, type TriageKnowledge } from '../../knowledge/triage';
import type { PolicyBot } from '../handler';
import { ESCALATION_MESSAGES } from '../messages';

/**
 * `compare <topic>`: one escalation topic (knowledge/escalation.yaml: LADO, MARAC referral, out
 * of hours, "escalation" …) across every authority in one card, each from its own documents, the
 * asker's authority first; an authority whose documents are silent says so. "compare" followed
 * by anything that is not a topic stays a policy question (search answers "compare …" itself).
 */

const COMPARE_WORD = /^compare\b\s*/i;
/** "… across authorities", "… between the councils": filler after the topic. */
const ACROSS = /\s+(?:across|between|for|in)\s+(?:all\s+)?(?:the\s+)?(?:authorities|councils|areas|boroughs|las)\s*[?.!]*$/i;

export interface CompareCommandOptions {
  triage?: () => TriageKnowledge;
}

export function registerCompareCommand(bot: PolicyBot, opts: CompareCommandOptions = {}): PolicyBot {
  const triage = opts.triage ?? (() => loadTriageKnowledge());
  const topicWords = (text: string) =>
    text
      .replace(COMPARE_WORD, '')
      .replace(ACROSS, '')
      .replace(/^(?:the|our)\s+/i, '')
      .trim();

  return bot.registerCommand({
    name: 'compare',
    match: (t) => COMPARE_WORD.test(t) && (topicWords(t) === '' || findCompareTopic(topicWords(t), triage().escalation) !== undefined),
    handle: async ({ turn, text }) => {
      const tk = triage();
      const topic = findCompareTopic(topicWords(text), tk.escalation);
      if (!topic) {
        await turn.sendActivity(ESCALATION_MESSAGES.compareHowTo(compareTopicNames(tk.escalation).join(', ')));
        return;
      }
      const own = await bot.getAuthority(turn);
      const ids = Object.keys(tk.authorities).sort((a, b) => Number(b === own) - Number(a === own) || bot.displayName(a).localeCompare(bot.displayName(b)));
      const rows = ids.map((id) => ({
        name: bot.displayName(id),
        entries: entriesFor(tk.authorities[id]!, topic.topics),
        silent: ESCALATION_MESSAGES.silent(bot.displayName(id)),
      }));
      bot.services.log.info('compare', { activityId: turn.activity.id, topic: topic.id, silent: rows.filter((r) => r.entries.length === 0).length });
      const labels = new Map(tk.escalation.topics.map((t) => [t.id, t.label]));
      const card = compareCard({
        heading: ESCALATION_MESSAGES.compareHeading(topic.label),
        intro: ESCALATION_MESSAGES.compareIntro,
        reminder: ESCALATION_MESSAGES.reminder,
        rows,
        ...(topic.topics.length > 1 ? { topicLabels: labels } : {}),
        when: ESCALATION_MESSAGES.when,
        links: { publicBaseUrl: bot.services.publicBaseUrl, authorityName: bot.displayName },
      });
      await turn.sendActivity({ attachments: [card] });
    },
    help: { usage: 'compare <topic>', description: ESCALATION_MESSAGES.compareHelp },
  });
}
