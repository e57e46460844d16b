import lunr from 'lunr';
import type { KnowledgeBase } from '../../knowledge/search';
import type { Answerer } from './score-qa';

/**
 * Two baselines every set is scored against in the same run, over the same passages the bot
 * cites: plain lunr (its default English pipeline, the question's words as optional terms,
 * top five, never declining unless nothing matches), and the same with the asker's own
 * authority preferred (its documents' scores multiplied by OWN_AUTHORITY_BOOST).
 */
export const OWN_AUTHORITY_BOOST = 1.5;

export function lunrBaselines(kb: KnowledgeBase): { plain: Answerer; ownAuthority: Answerer } {
  const passages = kb.store.passages;
  const index = lunr(function () {
    this.ref('id');
    this.field('text');
    for (const p of passages) this.add({ id: p.id, text: p.display });
  });
  const byId = new Map(passages.map((p) => [p.id, p]));
  const pipeline = new lunr.Pipeline();
  pipeline.add(lunr.trimmer, lunr.stopWordFilter, lunr.stemmer);

  const search = (q: string, authority: string | undefined) => {
    const terms = pipeline.run(lunr.tokenizer(q)).map((t) => t.toString()).filter(Boolean);
    const hits = terms.length
      ? index.query((query) => {
          for (const t of terms) query.term(t, { usePipeline: false, presence: lunr.Query.presence.OPTIONAL });
        })
      : [];
    const scored = hits.map((h) => {
      const p = byId.get(h.ref)!;
      const own = authority !== undefined && (kb.documents.get(p.docId)?.authorities ?? []).includes(authority);
      return { p, score: h.score * (own ? OWN_AUTHORITY_BOOST : 1) };
    });
    scored.sort((a, b) => b.score - a.score);
    return { answered: scored.length > 0, results: scored.slice(0, 5).map(({ p }) => ({ docId: p.docId, text: p.display })) };
  };
  return { plain: (q) => search(q, undefined), ownAuthority: search };
}
