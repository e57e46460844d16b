import type { EscalationTopics } from '../triage/types';
import { idWords, isOneOf } from './phrase-match';

/** A `compare <topic>` topic: one escalation topic, or a group of them ("escalation"). */
export interface CompareTopic {
  id: string;
  label: string;
  /** The escalation topics it gathers, in card order. */
  topics: string[];
}

/** The compare topic the words name exactly (knowledge/escalation.yaml words, or the id); undefined if none. */
export function findCompareTopic(text: string, e: EscalationTopics): CompareTopic | undefined {
  const group = e.groups.find((g) => isOneOf(text, [idWords(g.id), ...g.words]));
  if (group) return { id: group.id, label: group.label, topics: e.topics.filter((t) => group.topics.includes(t.id)).map((t) => t.id) };
  const topic = e.topics.find((t) => isOneOf(text, [idWords(t.id), ...t.words]));
  return topic ? { id: topic.id, label: topic.label, topics: [topic.id] } : undefined;
}

/** Every compare topic by its first word in the data, for the "which topic?" hint. */
export function compareTopicNames(e: EscalationTopics): string[] {
  return [...e.groups, ...e.topics].map((t) => t.words[0] ?? idWords(t.id));
}

/**
 * Whether a whole message asks for the escalation card (knowledge/escalation.yaml `askedAs`):
 * undefined if not; otherwise the id of the authority it names ('' when it names none). Words
 * in the authority slot that `authorityId` does not know mean the pattern does not match.
 */
export function askedForEscalation(text: string, e: EscalationTopics, authorityId: (words: string) => string | undefined): string | undefined {
  const t = text.trim();
  for (const p of e.askedAs) {
    const m = new RegExp(p, 'iu').exec(t);
    if (!m) continue;
    const words = m.groups?.authority?.trim();
    if (!words) return '';
    const id = authorityId(words);
    if (id) return id;
  }
  return undefined;
}
