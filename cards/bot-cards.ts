import type { Attachment } from 'botbuilder';
import helpTemplate from './help.json';
import setAuthorityTemplate from './set-authority.json';
import tabLinkTemplate from './tab-link.json';
import welcomeTemplate from './welcome.json';
import { renderCard } from './render';

const NOT_SET = 'not set yet';

/** Welcome on install: what the bot does, the no-identifying-details reminder, set authority, start triage. */
export function welcomeCard(opts: { authorityName?: string }): Attachment {
  return renderCard(welcomeTemplate, { authorityText: opts.authorityName ?? NOT_SET });
}

export interface HelpEntry {
  /** What to type, e.g. "glossary <term>". */
  usage: string;
  description: string;
}

export function helpCard(opts: { commands: readonly HelpEntry[]; authorityName?: string }): Attachment {
  return renderCard(helpTemplate, { commands: opts.commands, authorityText: opts.authorityName ?? NOT_SET });
}

export function setAuthorityCard(opts: { authorities: readonly { id: string; name: string }[]; current?: string }): Attachment {
  return renderCard(setAuthorityTemplate, {
    authorities: opts.authorities.map(({ id, name }) => ({ id, name })),
    current: opts.current ?? '',
  });
}

/** A pointer to one of the personal tab's pages (library, pathways), opened in the browser or Teams. */
export function tabLinkCard(opts: { title: string; text: string; buttonTitle: string; url: string }): Attachment {
  return renderCard(tabLinkTemplate, opts);
}
