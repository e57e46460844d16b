import { authorityContactsCard } from '../../cards/authority-contacts-card';
import { loadTriageKnowledge, type TriageKnowledge } from '../../knowledge/triage';
import type { PolicyBot } from '../handler';
import { CONTACTS_MESSAGES } from '../messages';

/**
 * The `contacts` command: the asker's authority's safeguarding contacts as a card, read from the
 * triage knowledge (knowledge/authorities/*.yaml, compiled into build/knowledge/triage.json), every
 * contact with its citation. "contacts <authority>" shows another authority's. Replaces the
 * built-in `contacts` command (same name, same place in the help list).
 */

const CONTACTS_WORD = /^contacts?\b[:\s]*(?:for\s+|in\s+)?/i;

export interface ContactsCommandOptions {
  /** Defaults to the compiled triage knowledge, loaded on first use. */
  triage?: () => TriageKnowledge;
}

export function registerContactsCommand(bot: PolicyBot, opts: ContactsCommandOptions = {}): PolicyBot {
  const triage = opts.triage ?? (() => loadTriageKnowledge());
  /** The authority named after "contacts", '' if none; undefined if the words are not an authority. */
  const named = (text: string): string | undefined => {
    const rest = text.replace(CONTACTS_WORD, '').trim();
    if (!rest) return '';
    return bot.findAuthority(rest)?.id;
  };

  return bot.registerCommand({
    name: 'contacts',
    // "contacts" or "contacts <authority>"; "contacts for MARAC" is a question, not this command.
    match: (t) => CONTACTS_WORD.test(t) && named(t) !== undefined,
    handle: async ({ turn, text }) => {
      const id = named(text) || (await bot.getAuthority(turn));
      if (!id) {
        await turn.sendActivity(CONTACTS_MESSAGES.setAuthorityFirst);
        return bot.sendSetAuthorityCard(turn);
      }
      const tk = triage();
      const authority = tk.authorities[id];
      bot.services.log.info('contacts', { activityId: turn.activity.id, authority: id, contacts: authority?.contacts.length ?? 0 });
      if (!authority || authority.contacts.length === 0) {
        await turn.sendActivity(CONTACTS_MESSAGES.noContacts(bot.displayName(id)));
        return bot.sendSetAuthorityCard(turn);
      }
      const card = authorityContactsCard({
        authority: { id, name: bot.displayName(id) },
        contacts: authority.contacts,
        national: tk.national.contacts,
        publicBaseUrl: bot.services.publicBaseUrl,
        authorityName: bot.displayName,
      });
      await turn.sendActivity({ attachments: [card] });
    },
    help: { usage: 'contacts', description: "Your authority's safeguarding contacts, with tap-to-call numbers and sources." },
  });
}
