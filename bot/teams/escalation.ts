import { escalationCard } from '../../cards/escalation-card';
import { askedForEscalation, escalationSections } from '../../knowledge/routes';
import { loadTriageKnowledge, type TriageKnowledge } from '../../knowledge/triage';
import type { PolicyBot } from '../handler';
import { ESCALATION_MESSAGES } from '../messages';

/**
 * The `escalation` command and the everyday ways of asking for it ("who do I escalate to",
 * knowledge/escalation.yaml `askedAs`): the asker's authority's escalation routes as a card, from
 * its own documents only (knowledge/authorities/<id>.yaml `escalation:`). A message that names
 * something other than an authority is left to policy search.
 */

export interface EscalationCommandOptions {
  /** Defaults to the compiled triage knowledge, loaded on first use. */
  triage?: () => TriageKnowledge;
}

export function registerEscalationCommand(bot: PolicyBot, opts: EscalationCommandOptions = {}): PolicyBot {
  const triage = opts.triage ?? (() => loadTriageKnowledge());
  /** The authority the message names, '' if none; undefined if it does not ask for the card. */
  const asked = (text: string): string | undefined => askedForEscalation(text, triage().escalation, (words) => bot.findAuthority(words)?.id);

  return bot.registerCommand({
    name: 'escalation',
    match: (t) => asked(t) !== undefined,
    handle: async ({ turn, text }) => {
      const id = asked(text) || (await bot.getAuthority(turn));
      const tk = triage();
      const authority = id ? tk.authorities[id] : undefined;
      if (!id || !authority) {
        await turn.sendActivity(ESCALATION_MESSAGES.setAuthorityFirst);
        return bot.sendSetAuthorityCard(turn);
      }
      const name = bot.displayName(id);
      const sections = escalationSections(authority, tk.escalation);
      bot.services.log.info('escalation', { activityId: turn.activity.id, authority: id, entries: authority.escalation.length });
      const card = escalationCard({
        authority: { id, name },
        sections,
        words: {
          heading: ESCALATION_MESSAGES.heading(name),
          intro: ESCALATION_MESSAGES.intro(name),
          reminder: ESCALATION_MESSAGES.reminder,
          when: ESCALATION_MESSAGES.when,
          silent: ESCALATION_MESSAGES.silent(name),
        },
        links: { publicBaseUrl: bot.services.publicBaseUrl, authorityName: bot.displayName },
      });
      await turn.sendActivity({ attachments: [card] });
    },
    help: { usage: 'escalation', description: ESCALATION_MESSAGES.help },
  });
}
