import type { GlossaryEntry } from '../build/schemas';
import type { KnowledgeBase } from './load-knowledge';
import type { Scored } from './rank-passages';

/** Follow-up suggestions: terms in the answer the asker may not know, and nearby sections. */
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
  for (const r of ranked.slice(1, 8)) {
    if (out.length >= max) break;
    const title = r.passage.sectionPath[r.passage.sectionPath.length - 1];
    if (!title || seen.has(r.passage.section) || r.coverage < 0.3) continue;
    seen.add(r.passage.section);
    const doc = kb.documents.get(r.passage.docId);
    const where = doc?.national ? 'national guidance' : doc?.authorities.map((a) => kb.authorityNames.get(a) ?? a).join(' / ');
    out.push(`Tell me about "${title.replace(/^[\d.]+\s+/, '')}" (${where})`);
  }
  return out;
}
