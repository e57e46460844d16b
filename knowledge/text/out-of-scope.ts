import type { OutOfScope } from '../schemas/data-files';

/** The staff-admin topic a question is about (IT, HR, expenses, buildings), if any: whole words, any case. */
export type OutOfScopeTopic = OutOfScope['topics'][number];

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const phraseRe = (phrase: string) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(phrase).replace(/[-\s]+/g, '[-\\s]+')}(?![\\p{L}\\p{N}])`, 'iu');

const compiled = new WeakMap<readonly OutOfScopeTopic[], { topic: OutOfScopeTopic; res: RegExp[] }[]>();

export function outOfScopeTopic(topics: readonly OutOfScopeTopic[], question: string): OutOfScopeTopic | undefined {
  let list = compiled.get(topics);
  if (!list) {
    list = topics.map((topic) => ({ topic, res: topic.phrases.map(phraseRe) }));
    compiled.set(topics, list);
  }
  return list.find(({ res }) => res.some((re) => re.test(question)))?.topic;
}

/** Phrases that some passage contains (the build refuses them: they would hide an answer). */
export function phrasesFoundIn(topics: readonly OutOfScopeTopic[], texts: readonly string[]): string[] {
  return topics.flatMap((t) => t.phrases.filter((p) => texts.some((text) => phraseRe(p).test(text))));
}
