import { servicesCard } from '../../cards/services-card';
import { findNeeds, servicesFor } from '../../knowledge/routes';
import { loadTriageKnowledge, type TriageKnowledge } from '../../knowledge/triage';
import type { PolicyBot } from '../handler';
import { SERVICES_MESSAGES } from '../messages';

/**
 * `services <need>`: specialist services for a need said in everyday words ("a dad who wants to
 * stop", "somewhere she can just walk in"; knowledge/services.yaml `needs` and `needWords`), the
 * asker's authority first, then national helplines. "services" followed by words that name no
 * need is left to policy search, so an ordinary question that starts with "services" is answered.
 */

const SERVICES_WORD = /^services\b[:\s]*(?:for\s+)?/i;

export interface ServicesCommandOptions {
  triage?: () => TriageKnowledge;
}

export function registerServicesCommand(bot: PolicyBot, opts: ServicesCommandOptions = {}): PolicyBot {
  const triage = opts.triage ?? (() => loadTriageKnowledge());
  const rest = (text: string) => text.replace(SERVICES_WORD, '').trim();
  const needList = () =>
    triage()
      .needs.map((n) => n.label)
      .join(', ');

  return bot.registerCommand({
    name: 'services',
    match: (t) => SERVICES_WORD.test(t) && (rest(t) === '' || findNeeds(rest(t), triage()).length > 0),
    handle: async ({ turn, text }) => {
      const tk = triage();
      const needIds = findNeeds(rest(text), tk);
      if (needIds.length === 0) {
        await turn.sendActivity(rest(text) === '' ? SERVICES_MESSAGES.howTo(needList()) : SERVICES_MESSAGES.notUnderstood(needList()));
        return;
      }
      const id = await bot.getAuthority(turn);
      if (!id || !tk.authorities[id]) {
        await turn.sendActivity(SERVICES_MESSAGES.setAuthorityFirst);
        return bot.sendSetAuthorityCard(turn);
      }
      const name = bot.displayName(id);
      const found = servicesFor(tk, id, needIds);
      const needs = found.needs.map((n) => n.label).join(', ');
      bot.services.log.info('services', {
        activityId: turn.activity.id,
        authority: id,
        needs: needIds.join(','),
        local: found.local.length,
        national: found.national.length,
      });
      const card = servicesCard({
        heading: SERVICES_MESSAGES.heading(needs),
        intro: SERVICES_MESSAGES.intro(needs, name),
        sections: [
          { title: SERVICES_MESSAGES.local(name), services: found.local, none: SERVICES_MESSAGES.localNone(name) },
          { title: SERVICES_MESSAGES.national, services: found.national, none: SERVICES_MESSAGES.nationalNone },
        ],
        always: SERVICES_MESSAGES.always(),
        reminder: SERVICES_MESSAGES.reminder,
        needIds,
        publicBaseUrl: bot.services.publicBaseUrl,
        authorityName: bot.displayName,
      });
      await turn.sendActivity({ attachments: [card] });
    },
    help: { usage: 'services <who it is for>', description: SERVICES_MESSAGES.help },
  });
}
