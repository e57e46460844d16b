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

export const FEEDBACK_MESSAGES = text.feedback;
