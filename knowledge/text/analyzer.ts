import lunr from 'lunr';

/**
 * The one text analyzer for both the index build and queries, so they always agree.
 * Normalisation and stemming happen here instead of in lunr pipelines: the serialized index
 * then carries an empty pipeline and loads with no function registration, and no user text
 * ever reaches lunr's query parser.
 */

/** Stop words: lunr's English list plus words that only shape a question ("who", "should", "I"). */
const STOP_WORDS = new Set(
  (
    'a able about across after all almost also am among an and any are as at be because been but by can cannot ' +
    'could dear did do does either else ever every for from get got had has have he her hers him his how however i ' +
    'if in into is it its just least let like likely may me might most must my neither no nor not of off often on ' +
    'only or other our own rather said say says she should since so some than that the their them then there these ' +
    'they this tis to too twas us wants was we were what when where which while who whom why will with would yet you ' +
    'your ' +
    // question-shaping words that say nothing about the topic
    "don't dont doesn't isn't can't cant what's whats who's whos there's i'm im ive i've we're " +
    'anyone anybody someone somebody something anything thing things please tell know want wanted ' +
    'find out here would shall whether ok okay hi hello thanks thank yes am doing done go going ' +
    'under over between within without during through onto upon via per regarding re ' +
    'explain explained describe define definition meaning mean means stand stands summarise summary ' +
    'compare comparison comparing versus vs contrast difference differences differ'
  ).split(/\s+/),
);

const SUPERSCRIPT = /[\u00B9\u00B2\u00B3\u2070-\u2079]/g;

/** Lower-case words of a text, before stop words and stemming ("M.A.S.H" → "mash", "Clare's" → "clare"). */
export function words(text: string, keepCase = false): string[] {
  let normal = text
    .replace(SUPERSCRIPT, ' ')
    .replace(/\b(?:[A-Za-z]\.){2,}[A-Za-z]?\b\.?/g, (m) => m.replace(/\./g, ''))
    .replace(/[\u2018\u2019\u02BC`]/g, "'");
  if (!keepCase) normal = normal.toLowerCase();
  const out: string[] = [];
  // Split on anything that is not a letter, digit or apostrophe: emails and URLs fall apart into parts.
  for (const raw of normal.split(/[^\p{L}\p{N}']+/u)) {
    const w = raw
      .replace(/^'+|'+$/g, '')
      .replace(/'[sS]$/, '')
      .replace(/'/g, '');
    if (w) out.push(w);
  }
  return out;
}

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}

const stemCache = new Map<string, string>();

/** Porter stem (lunr's stemmer), cached because questions repeat the same words. */
export function stem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = /^\d+$/.test(word) ? word : lunr.stemmer(new lunr.Token(word, {})).toString();
    if (stemCache.size < 50000) stemCache.set(word, s);
  }
  return s;
}

/** Index terms of a text, in order: words minus stop words, stemmed. */
export function analyze(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) if (!STOP_WORDS.has(w)) out.push(stem(w));
  return out;
}

/** lunr tokenizer for the index build, producing exactly the terms `analyze` gives a query. */
export function lunrTokenizer(obj?: unknown, metadata?: object): lunr.Token[] {
  if (obj === null || obj === undefined) return [];
  const text = Array.isArray(obj) ? obj.join(' ') : String(obj);
  return analyze(text).map((term) => new lunr.Token(term, { ...(metadata ?? {}) }));
}

/**
 * A section title's words without its outline number ("3.1 Police notification" → "Police
 * notification", "09 Referrals" → "Referrals"): the number orders sections, it is not a topic,
 * and indexed it lets a figure in a question ("after 3 police notifications") match section 3.
 */
export function titleText(title: string): string {
  return title.replace(/^\s*\d+(?:\.\d+)*\.?\s+(?=\S)/, '');
}

/** A section path as indexable text: each title without its outline number. */
export function sectionPathText(path: readonly string[]): string {
  return path.map(titleText).join(' ');
}
