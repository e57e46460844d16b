import type nlpType from 'compromise/two';

/**
 * The words of a question that only say how something is done: adjectives and adverbs ("is it
 * compulsory", "should it be redone"), and verbs used with a particle ("sound them out", "bump the
 * level up", "keeps jumping in"), by compromise's part-of-speech tagger. A word no document uses is a
 * strong sign a question is about something else when it names a thing or a plain action ("parking",
 * "where can I park", "merge two records"); in a phrasal verb or as a description it is the asker's
 * phrasing of a topic the documents may well cover.
 */
let tagger: typeof nlpType | undefined;

/** The tagger, loaded on first use: its lexicon takes about a third of a second, which a start need not wait for. */
export function loadWordClasses(): typeof nlpType {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  tagger ??= require('compromise/two') as typeof nlpType;
  return tagger;
}

interface Term {
  normal: string;
  tags: string[];
}

/**
 * Particles that make a verb phrasal when they follow it: "sound them out", "bump it up", "put it
 * off". Not "in", "over" or "through", which are as often prepositions of place ("park in the car park").
 */
const PARTICLE = /^(?:up|out|off|back|away)$/;
/** How far after its verb a particle may come ("sound them out", "bump the level up"). */
const PARTICLE_REACH = 3;

function isPhrasal(terms: readonly Term[], i: number): boolean {
  if (terms[i]!.tags.includes('PhrasalVerb')) return true;
  return terms.slice(i + 1, i + 1 + PARTICLE_REACH).some((t) => PARTICLE.test(t.normal));
}

export function doingWords(text: string): Set<string> {
  const out = new Set<string>();
  if (!text.trim()) return out;
  const terms = (loadWordClasses()(text).terms().json() as { terms: Term[] }[]).map((t) => t.terms[0]).filter((t): t is Term => t !== undefined);
  terms.forEach((t, i) => {
    const word = t.normal.toLowerCase();
    if (!word || t.tags.includes('Noun')) return;
    // An adjective before a noun names a kind of thing ("the steering group"), not how it is done.
    const describes = t.tags.includes('Adverb') || (t.tags.includes('Adjective') && !terms[i + 1]?.tags.includes('Noun'));
    if (describes || (t.tags.includes('Verb') && isPhrasal(terms, i))) out.add(word);
  });
  return out;
}
