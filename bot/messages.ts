import { join } from 'node:path';
import { loadDataFile } from '../knowledge/data-file';
import { knowledgeDir } from '../knowledge/paths';
import { messagesSchema } from '../knowledge/schemas/data-files';

/**
 * Everything the bot says outside its cards, from the one home of user-facing text,
 * `knowledge/messages.yaml` (validated by the knowledge build and again here, so a bad edit names
 * its file and line). Templates take their values by name: {authority}, {what}.
 */
const text = loadDataFile(join(knowledgeDir, 'messages.yaml'), messagesSchema);

/** A template with its {placeholders} filled. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (values[k] === undefined ? m : String(values[k])));
}

export const MESSAGES = text.bot;

export const TRIAGE_MESSAGES = {
  ...text.triage,
  invalid: (what: string) => fill(text.triage.invalid, { what }),
  referralQuestion: (label: string) => fill(text.triage.referralQuestion, { label }),
};

export const SEARCH_MESSAGES = text.search;

export const CONTACTS_MESSAGES = {
  ...text.contacts,
  noContacts: (name: string) => fill(text.contacts.noContacts, { name }),
};

/** The escalation card and `compare` (knowledge/messages.yaml `escalation`), templates filled by name. */
export const ESCALATION_MESSAGES = {
  ...text.escalation,
  heading: (authority: string) => fill(text.escalation.heading, { authority }),
  intro: (authority: string) => fill(text.escalation.intro, { authority }),
  when: (when: string) => fill(text.escalation.when, { when }),
  silent: (authority: string) => fill(text.escalation.silent, { authority }),
  compareHeading: (topic: string) => fill(text.escalation.compareHeading, { topic }),
  compareHowTo: (topics: string) => fill(text.escalation.compareHowTo, { topics }),
};

/** The services card and its hints (knowledge/messages.yaml `services`). */
export const SERVICES_MESSAGES = {
  ...text.services,
  heading: (needs: string) => fill(text.services.heading, { needs }),
  intro: (needs: string, authority: string) => fill(text.services.intro, { needs, authority }),
  local: (authority: string) => fill(text.services.local, { authority }),
  localNone: (authority: string) => fill(text.services.localNone, { authority }),
  always: () => fill(text.services.always, { helpline: text.helpline }),
  howTo: (needs: string) => fill(text.services.howTo, { needs }),
  notUnderstood: (needs: string) => fill(text.services.notUnderstood, { needs }),
};
export const INDUCTION_MESSAGES = text.induction;
export const FEEDBACK_MESSAGES = text.feedback;
/** "Ask a champion" (bot/champion/): replies and card wording; templates are filled with `fill`. */
export const CHAMPION_MESSAGES = text.champion;
