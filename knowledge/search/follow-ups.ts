import { analyze, titleText } from '../text/analyzer';
import type { GlossaryEntry } from '../schemas/data-files';
import type { KnowledgeBase } from './load-knowledge';
import type { Scored } from './rank-passages';

/**
 * Follow-up questions a user can tap: a term in the answer they may not know ("What is
 * MAMDA?"), and nearby sections that are about something specific, phrased as a question
 * about that authority's document ("What does Camden say about information sharing?").
 * Section titles that say nothing on their own ("Review", "Appendix 1") are never offered.
 */
const GENERIC_TITLE =
  /^(?:appendix|annex|introduction|background|purpose|review|contents|summary|overview|scope|aims?|context|definitions?|references?|contacts?|conclusion)\b(?:\s*\w{0,3}\s*)?:?$/i;

function specificTitle(title: string, docTitle: string | undefined): string | undefined {
  const t = titleText(title)
    .replace(/^(?:appendix|annex)\s+\w{1,3}\s*[:.–-]\s*/i, '')
    .replace(/[:.?!]+$/, '')
    .trim();
  if (!t || GENERIC_TITLE.test(t) || analyze(t).length < 2 || t.length > 60) return undefined;
  if (docTitle && ` ${analyze(docTitle).join(' ')} `.startsWith(` ${analyze(t).join(' ')} `)) return undefined;
  return t;
}

export function suggestFollowUps(kb: KnowledgeBase, ranked: readonly Scored[], asked: readonly GlossaryEntry[], max = 3): string[] {
  const out: string[] = [];
  const top = ranked[0];
  if (!top) return out;
  for (const entry of kb.store.glossary) {
    if (out.length >= 1) break;
    if (asked.includes(entry) || entry.term.length < 3 || entry.term !== entry.term.toUpperCase()) continue;
    if (new RegExp(`\\b${entry.term.replace(/[^A-Za-z0-9]/g, '')}\\b`).test(top.passage.text)) out.push(`What is ${entry.term}?`);
  }
  const seen = new Set([top.passage.section]);
  for (const r of ranked.slice(1, 10)) {
    if (out.length >= max) break;
    const doc = kb.documents.get(r.passage.docId);
    const title = specificTitle(r.passage.sectionPath[r.passage.sectionPath.length - 1] ?? '', doc?.title);
    if (!title || seen.has(r.passage.section) || (r.coverage < 0.3 && r.meaning < 0.5)) continue;
    seen.add(r.passage.section);
    const who = doc?.authorities.map((a) => kb.authorityNames.get(a) ?? a).join(' and ') ?? '';
    // The title in quotes, as written: it is the document's heading, not the bot's words.
    out.push(`What does ${who} say about “${title}”?`);
  }
  return out;
}
