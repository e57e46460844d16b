import type { OutOfScope } from '../schemas/data-files';

/**
 * The topic a question belongs to that no local document answers (IT, HR, court process …), if
 * any: a phrase, whole words and any case, or a subject the documents name together with a way of
 * asking about it they never answer ("how long does a non-mol last").
 */
export type OutOfScopeTopic = OutOfScope['topics'][number];

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const phraseRe = (phrase: string) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(phrase).replace(/[-\s]+/g, '[-\\s]+')}(?![\\p{L}\\p{N}])`, 'iu');

interface Compiled {
  topic: OutOfScopeTopic;
  phrases: { phrase: string; re: RegExp }[];
  asked: { subjects: { phrase: string; re: RegExp }[]; asks: { phrase: string; re: RegExp }[] }[];
}

const compiledByTopics = new WeakMap<readonly OutOfScopeTopic[], Compiled[]>();
const withRe = (phrases: readonly string[]) => phrases.map((phrase) => ({ phrase, re: phraseRe(phrase) }));

function compile(topics: readonly OutOfScopeTopic[]): Compiled[] {
  let list = compiledByTopics.get(topics);
  if (!list) {
    list = topics.map((topic) => ({
      topic,
      phrases: withRe(topic.phrases),
      asked: topic.asked.map((a) => ({ subjects: withRe(a.subjects), asks: withRe(a.asks) })),
    }));
    compiledByTopics.set(topics, list);
  }
  return list;
}

/** What in a text makes it out of scope: a phrase, or "subject + ask"; undefined when nothing does. */
function matchIn(c: Compiled, text: string): string | undefined {
  const phrase = c.phrases.find(({ re }) => re.test(text));
  if (phrase) return phrase.phrase;
  for (const a of c.asked) {
    const subject = a.subjects.find(({ re }) => re.test(text));
    const ask = subject && a.asks.find(({ re }) => re.test(text));
    if (subject && ask) return `${subject.phrase} + ${ask.phrase}`;
  }
  return undefined;
}

export function outOfScopeTopic(topics: readonly OutOfScopeTopic[], question: string): OutOfScopeTopic | undefined {
  return compile(topics).find((c) => matchIn(c, question) !== undefined)?.topic;
}

/** Phrases (or subject + ask pairs) that some passage contains: the build refuses them, as they would hide an answer. */
export function phrasesFoundIn(topics: readonly OutOfScopeTopic[], texts: readonly string[]): string[] {
  return compile(topics).flatMap((c) => texts.map((text) => matchIn(c, text)).filter((m): m is string => m !== undefined));
}
