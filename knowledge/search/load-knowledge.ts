import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import lunr from 'lunr';
import { analyze, stem, titleText } from '../text/analyzer';
import { INDEX_FILE, PASSAGE_MEANING, STORE_FILE, type KnowledgeStore, type StoredPassage } from '../store';
import { readTable, type MeaningTable } from '../meaning/meaning-table';
import { acronymTypoFixer } from '../text/acronym-typos';
import { typingRewriter, type TypingRewriter } from '../text/rewrite-typing';
import { builtKnowledgeDir } from '../paths';
import type { DocumentMeta } from '../types';
import { TermScorer } from './term-scorer';

/**
 * The loaded knowledge base: the serialized lunr index plus the passage store, with the
 * lookups every question needs computed once at load. Never rebuilt per request.
 */
export interface KnowledgeBase {
  dir: string;
  index: lunr.Index;
  /** lunr's scores for exact terms, summed in typed arrays (see TermScorer). */
  terms: TermScorer;
  store: KnowledgeStore;
  passages: Map<string, StoredPassage>;
  documents: Map<string, DocumentMeta>;
  /** Passage id → its text and section terms. */
  termSets: Map<string, Set<string>>;
  /** Passage id → terms of the passage's own (deepest) section title. */
  leafTitleTerms: Map<string, Set<string>>;
  /** Passage id → the shapes of answer it holds (phone number, email, figure). */
  shapes: Map<string, PassageShape>;
  /** Passage id → adjacent term pairs, for the phrase bonus. */
  bigrams: Map<string, Set<string>>;
  /** Ids of passages that open their section. */
  firstInSection: Set<string>;
  /** Document frequency of each term over passages. */
  df: Map<string, number>;
  /** Authority id → display name. */
  authorityNames: Map<string, string>;
  /** Authorities that have at least one document. */
  coveredAuthorities: string[];
  /** Passage vectors (owners in store order), for meaning-level ranking. */
  meaning: MeaningTable;
  /** Passage id → its position in the store (and in `meaning`). */
  ordinalOf: Map<string, number>;
  /** Shorthand and apostrophe-less contractions → the documents' words. */
  rewriteTyping: TypingRewriter;
  /** Passages that only navigate (a table of contents): never an answer. */
  navigation: Set<string>;
}

export interface PassageShape {
  phone: boolean;
  email: boolean;
  figure: boolean;
  /** States a time, timescale or frequency ("within 48 hours", "monthly", "9am to 5pm"). */
  time: boolean;
  /** Looks like it names a person ("Sarah Galvin"). */
  name: boolean;
  /** Says what something is used to do ("use the matrix to determine", "is designed to"). */
  purpose: boolean;
  /** A directory entry: a name with a number or address and almost no words of its own ("• PC Jo Bloggs • Email: …"). */
  listing: boolean;
}

/** UK numbers however they are spaced ("0800 13 13 126", "020 7926 4679"), freephone short forms ("0800 1111"), and 101/999/111. */
export const PHONE_RE = /(?:\+44\s?|\b0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}\b|\b0(?:[\s-]?\d){9,10}\b|\b0800[\s-]?\d{4,7}\b|\b(?:101|999|111)\b/;
export const EMAIL_RE = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;
/** A statistic: a percentage, a large count, "1 in 5", "a third", "million", "at least five". */
export const FIGURE_RE =
  /\d+(?:\.\d+)?\s*(?:%|per ?cent)|\b\d{1,3}(?:,\d{3})+\b|\b\d+\s+in\s+\d+\b|\b(?:one|two|three)\s+in\s+(?:three|four|five|ten)\b|\b(?:a|one)\s+(?:third|quarter|half)\b|\bmillion\b|\b\d+\s+(?:times|incidents|women|children|victims)\b|\b(?:at least|over|around|approximately)\s+(?:\d+|one|two|three|four|five|six|ten)\b|\b\d{1,3}\s*(?:\+|or\s+(?:more|above|over|higher|fewer|less))|\b(?:\d{1,3}|two|three|four|five|six|seven|eight|ten|twelve)\s+(?:\w+\s+){0,2}(?:notifications?|incidents?|call-?outs?|ticks?|times|occasions|referrals?|questions?|points?)\b/i;
/** A timescale, frequency or opening time; a frequency may be an event ("at each core group", "whenever there is a new incident"). */
export const TIME_RE =
  /\b\d+(?:\.\d+)?\s*(?:-\s*)?(?:hours?|working days?|days?|weeks?|months?|years?)\b|\b(?:daily|weekly|fortnightly|monthly|quarterly|termly|annually)\b|\b(?:within|every|after|each|once\s+a|twice\s+a|per)\s+(?:(?:one|two|three|four|five|six|a|an|other)\s+)?(?:working\s+)?(?:hours?|days?|weeks?|fortnight|months?|years?|term|quarter)\b|\b(?:mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?)\b|\b\d{1,2}\/\d{4}\b|\b(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+\d{4}\b|\b(?:immediately|promptly|without delay)\b|\b\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm)\b|\b\d{4}\s*[\u2013-]\s*\d{4}\b|\b24\s*(?:hours?|\/\s*7)\b|\b(?:at|for|after|following)\s+(?:each|every)\s+(?:\w+\s+){0,2}(?:meetings?|reviews?|visits?|core\s+groups?|conferences?|incidents?|notifications?|contacts?|stages?)\b|\b(?:whenever|each\s+time|every\s+time)\b/i;
const NAME_RE = /\b[A-Z][a-z]+(?:[- ][A-Z][a-z]+){1,2}\b/;
/** A sentence that says what something is used to do: "CSSW will use the matrix to determine the level of risk", "is used to assess". */
const PURPOSE_RE =
  /\b(?:use|uses|used|using|complete|completed|completes|apply|applies)\b[^.]{0,80}?\bto\s+(?:determine|assess|identify|decide|inform|establish|measure|understand|support|help|guide|record|share)\b|\bis\s+(?:used|designed|intended)\s+(?:to|for)\b|\bthe\s+(?:purpose|aim)\s+of\b|\bin\s+order\s+to\b/i;

export function shapeOf(text: string): PassageShape {
  return {
    phone: PHONE_RE.test(text),
    email: EMAIL_RE.test(text),
    figure: FIGURE_RE.test(text),
    time: TIME_RE.test(text),
    name: NAME_RE.test(text),
    purpose: PURPOSE_RE.test(text),
    listing: isListing(text),
  };
}

/** Labels a directory entry puts before its details. */
const LISTING_LABEL = /^(?:e-?mail|tel|telephone|phone|mobile|mob|fax|website|web|address)$/i;
/**
 * Fewer words of its own than this (beside names, labels and the details themselves) makes a passage a
 * directory entry; a form's title keeps its acronyms ("DA MARAC Referral Form") and is not one.
 */
const LISTING_WORDS = 3;
/** What a directory entry is made of besides its own words: markup, addresses, links and names. */
const LISTING_DETAILS = new RegExp(String.raw`<[^>]*>|\bmailto:|${EMAIL_RE.source}|https?:\/\/\S+|www\.\S+|${NAME_RE.source}`, 'g');

function isListing(text: string): boolean {
  if (!PHONE_RE.test(text) && !EMAIL_RE.test(text)) return false;
  const own = text
    .replace(LISTING_DETAILS, ' ')
    .split(/[^\p{L}'’-]+/u)
    .filter((w) => w.length > 1 && !LISTING_LABEL.test(w));
  return own.length < LISTING_WORDS;
}

/** A document's own table of contents lists section titles: it matches every question and answers none. */
const NAVIGATION_TITLE = /^\s*(?:table\s+of\s+)?contents\s*$/i;

const cache = new Map<string, KnowledgeBase>();

export function loadKnowledge(dir: string = builtKnowledgeDir): KnowledgeBase {
  const cached = cache.get(dir);
  if (cached) return cached;
  let store: KnowledgeStore;
  let serialized: object;
  let meaning: MeaningTable;
  try {
    store = JSON.parse(readFileSync(join(dir, STORE_FILE), 'utf8')) as KnowledgeStore;
    serialized = JSON.parse(readFileSync(join(dir, INDEX_FILE), 'utf8')) as object;
    meaning = readTable(dir, PASSAGE_MEANING);
  } catch (err) {
    throw new Error(`No built knowledge in ${dir} (run \`npm run knowledge:build\`): ${(err as Error).message}`, { cause: err });
  }
  // The index was built with empty pipelines (analysis is ours), so nothing needs registering.
  const index = lunr.Index.load(serialized);
  const passages = new Map(store.passages.map((p) => [p.id, p]));
  const termSets = new Map<string, Set<string>>();
  const leafTitleTerms = new Map<string, Set<string>>();
  const df = new Map<string, number>();
  const firstInSection = new Set<string>();
  const shapes = new Map<string, PassageShape>();
  const bigrams = new Map<string, Set<string>>();
  let lastAnchor = '';
  for (const p of store.passages) {
    if (p.anchor !== lastAnchor) firstInSection.add(p.id);
    shapes.set(p.id, shapeOf(p.text));
    const pairs = new Set<string>();
    for (let i = 0; i + 1 < p.terms.length; i++) pairs.add(`${p.terms[i]} ${p.terms[i + 1]}`);
    bigrams.set(p.id, pairs);
    lastAnchor = p.anchor;
    const set = new Set([...p.terms, ...p.sectionTerms]);
    termSets.set(p.id, set);
    leafTitleTerms.set(p.id, new Set(analyze(titleText(p.sectionPath[p.sectionPath.length - 1] ?? ''))));
    for (const t of set) df.set(t, (df.get(t) ?? 0) + 1);
  }
  const kb: KnowledgeBase = {
    dir,
    index,
    terms: new TermScorer(index),
    store,
    passages,
    documents: new Map(store.documents.map((d) => [d.id, d])),
    termSets,
    leafTitleTerms,
    firstInSection,
    shapes,
    bigrams,
    df,
    authorityNames: new Map(store.authorities.map((a) => [a.id, a.name])),
    coveredAuthorities: store.authorities.filter((a) => a.covered).map((a) => a.id),
    meaning,
    ordinalOf: new Map(store.passages.map((p, i) => [p.id, i])),
    rewriteTyping: withAcronymTypos(
      typingRewriter(store.typing),
      store.glossary.map((g) => g.term),
      df,
    ),
    navigation: new Set(store.passages.filter((p) => NAVIGATION_TITLE.test(p.sectionPath[p.sectionPath.length - 1] ?? '')).map((p) => p.id)),
  };
  cache.set(dir, kb);
  return kb;
}

/** Inverse document frequency over passages; an unseen term weighs the most. */
export function idf(kb: KnowledgeBase, term: string): number {
  const n = kb.store.passages.length;
  const d = kb.df.get(term) ?? 0;
  return Math.log(1 + (n - d + 0.5) / (d + 0.5));
}

/** Typing rewritten, then an acronym typed one letter wrong put right (a word the documents use never is). */
function withAcronymTypos(rewrite: TypingRewriter, terms: readonly string[], df: ReadonlyMap<string, number>): TypingRewriter {
  const fix = acronymTypoFixer(terms, (w) => df.has(w) || df.has(stem(w)));
  return (text) => fix(rewrite(text));
}
