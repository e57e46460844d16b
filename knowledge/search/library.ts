import type { GlossaryEntry } from '../schemas/data-files';
import type { DocumentMeta, Passage } from '../types';
import type { KnowledgeBase } from './load-knowledge';
import type { LibraryDocument } from './types';

/** Read-only views for the Library tab and the `glossary` command. */

export function glossaryEntries(kb: KnowledgeBase): GlossaryEntry[] {
  return [...kb.store.glossary].sort((a, b) => a.term.localeCompare(b.term));
}

/** Glossary entries whose term, expansion or a variant matches `text` (case-insensitive). */
export function lookupGlossary(kb: KnowledgeBase, text: string): GlossaryEntry[] {
  const q = text.trim().toLowerCase().replace(/[’']/g, "'");
  if (!q) return [];
  return glossaryEntries(kb).filter((e) => [e.term, e.expansion, ...e.variants].some((f) => f.toLowerCase().replace(/[’']/g, "'") === q));
}

export function listDocuments(kb: KnowledgeBase): DocumentMeta[] {
  return [...kb.documents.values()];
}

/** Authorities that have documents: id and display name. */
export function coveredAuthorities(kb: KnowledgeBase): { id: string; name: string }[] {
  return kb.coveredAuthorities.map((id) => ({ id, name: kb.authorityNames.get(id) ?? id }));
}

export function libraryDocuments(kb: KnowledgeBase): LibraryDocument[] {
  return listDocuments(kb).map((doc) => {
    const sections: LibraryDocument['sections'] = [];
    for (const stored of kb.store.passages.filter((p) => p.docId === doc.id)) {
      const { terms: _t, sectionTerms: _s, ...passage } = stored;
      let section = sections[sections.length - 1];
      if (!section || section.anchor !== passage.anchor) {
        section = { path: passage.sectionPath, section: passage.section, anchor: passage.anchor, passages: [] };
        sections.push(section);
      }
      section.passages.push(passage as Passage);
    }
    return { ...doc, authorityNames: doc.authorities.map((a) => kb.authorityNames.get(a) ?? a), sections };
  });
}
