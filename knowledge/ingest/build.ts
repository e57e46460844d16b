import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KnowledgeFileError, lineOf, loadDataFile } from '../data-file';
import type { SentenceEncoder } from '../meaning/encoder';
import { tableOf, writeTable } from '../meaning/meaning-table';
import { passageUnits } from '../meaning/passage-units';
import { loadUseLiteEncoder } from '../meaning/use-lite-encoder';
import { VectorCache } from '../meaning/vector-cache';
import { builtKnowledgeDir, knowledgeDir as defaultKnowledgeDir, vectorCacheDir } from '../paths';
import { authoritySchema } from '../schemas/authority';
import { compileInduction, INDUCTION_FILE } from '../induction/compile';
import { compileTriageKnowledge, TRIAGE_FILE } from '../triage/build';
import type { DocumentMeta, Passage } from '../types';
import type { TriageKnowledge } from '../triage/types';
import { analyze, sectionPathText } from '../text/analyzer';
import { cutPassages } from './cut-passages';
import { indexPassages } from './index-passages';
import { loadSources } from './load-sources';
import { parseSections } from './parse-sections';
import { phrasesFoundIn, type OutOfScopeTopic } from '../text/out-of-scope';
import {
  glossarySchema,
  messagesSchema,
  otherAuthoritiesSchema,
  outOfScopeSchema,
  supersededSchema,
  synonymsSchema,
  typingSchema,
} from '../schemas/data-files';
import { knowledgeStamp } from './stamp';
import { INDEX_FILE, INDICATOR_MEANING, PASSAGE_MEANING, STAMP_FILE, STORE_FILE, type KnowledgeStore, type StoredAuthority } from '../store';

export interface BuildOptions {
  knowledgeDir?: string;
  outDir?: string;
  /** The sentence encoder for passage vectors (default: the one the search runtime loads). */
  encoder?: SentenceEncoder;
  /** Where vectors already computed are kept between builds. */
  vectorCacheDir?: string;
}

export interface BuildReport {
  outDir: string;
  documents: number;
  sections: number;
  passages: number;
  /** Whole build, triage knowledge included. */
  ms: number;
  /** Parsing, passage cutting and the lunr index alone. */
  indexMs: number;
  /** Passage vectors: how long, and how many texts had to be encoded (the rest came from the cache). */
  meaningMs: number;
  encoded: number;
}

function loadAuthorities(dir: string, docs: DocumentMeta[]): Omit<StoredAuthority, 'contacts'>[] {
  const covered = new Set(docs.flatMap((d) => d.authorities));
  const byId = new Map<string, Omit<StoredAuthority, 'contacts'>>();
  if (existsSync(dir)) {
    for (const f of readdirSync(dir)
      .filter((n) => /\.ya?ml$/.test(n))
      .sort()) {
      const a = loadDataFile(join(dir, f), authoritySchema);
      byId.set(a.id, { id: a.id, name: a.name, aliases: a.aliases, covered: covered.has(a.id) });
    }
  }
  for (const doc of docs) {
    for (const id of doc.authorities) {
      if (!byId.has(id)) {
        throw new KnowledgeFileError(join('knowledge/sources', `${doc.id}.md`), 2, `authority "${id}" has no file knowledge/authorities/${id}.yaml`);
      }
    }
  }
  return [...byId.values()];
}

/** Every source cut into sections and passages, in document order. */
function cutAllPassages(sources: ReturnType<typeof loadSources>): { passages: Passage[]; sections: number } {
  let sections = 0;
  const passages: Passage[] = [];
  for (const source of sources) {
    const parsed = parseSections(source.body);
    sections += parsed.sections.length;
    passages.push(...cutPassages(source.meta, source.body, parsed));
  }
  return { passages, sections };
}

/**
 * An out-of-scope phrase that a local document's passage contains may be answerable: the build
 * refuses it, naming its line. The national summary never answers a question, so it does not count.
 */
function refuseAnswerableOutOfScope(file: string, outOfScope: readonly OutOfScopeTopic[], passages: readonly Passage[], national: ReadonlySet<string>): void {
  const hidden = phrasesFoundIn(
    outOfScope,
    // With its section title: "how long does a DVPO last" is answered by a passage whose heading names the DVPO.
    passages.filter((p) => !national.has(p.docId)).map((p) => `${p.section}\n${p.text}`),
  );
  if (hidden.length)
    throw new KnowledgeFileError(
      'knowledge/out-of-scope.yaml',
      lineOf(file, new RegExp(`\\b${hidden[0]!.split(' + ')[0]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i')),
      `a passage contains "${hidden[0]}": a question about it may be answerable, so it cannot be out of scope`,
    );
}

/** Vectors for every passage unit and every indicator example (cached by text), as two tables. */
async function encodeMeaning(options: BuildOptions, passages: readonly Passage[], triage: TriageKnowledge) {
  const encoder = options.encoder ?? (await loadUseLiteEncoder());
  const cache = VectorCache.open(options.vectorCacheDir ?? vectorCacheDir, encoder);
  const units = passages.flatMap((p, owner) => passageUnits(p).map((text) => ({ owner, text })));
  // Owners 0..n-1 are the indicators; owner n is the background (sentences that say nothing of risk);
  // owner n+1+i holds indicator i's counter-examples (its mustNotMatch sentences).
  const n = triage.indicators.length;
  const examples = [
    ...triage.indicators.flatMap((ind, owner) => ind.examples.map((text) => ({ owner, text }))),
    ...triage.meaningBackground.map((text) => ({ owner: n, text })),
    ...triage.indicators.flatMap((ind, i) => ind.counterExamples.map((text) => ({ owner: n + 1 + i, text }))),
  ];
  const vectors = await cache.encode([...units, ...examples].map((u) => u.text));
  const encoded = cache.pending;
  cache.save();
  const vectorOf = new Map([...units, ...examples].map((u, i) => [u.text, vectors[i]!]));
  return {
    meaning: tableOf(encoder.model, encoder.dimensions, passages.length, units, vectorOf),
    indicatorMeaning: tableOf(encoder.model, encoder.dimensions, 2 * n + 1, examples, vectorOf),
    encoded,
  };
}

/** Parse, validate, index and encode all knowledge, and write it to outDir. Throws KnowledgeFileError on bad input. */
export async function buildKnowledge(options: BuildOptions = {}): Promise<BuildReport> {
  const started = performance.now();
  const kdir = options.knowledgeDir ?? defaultKnowledgeDir;
  const outDir = options.outDir ?? builtKnowledgeDir;

  const sources = loadSources(join(kdir, 'sources'));
  const documents = sources.map((s) => s.meta);
  const glossary = loadDataFile(join(kdir, 'glossary.yaml'), glossarySchema);
  const synonyms = loadDataFile(join(kdir, 'synonyms.yaml'), synonymsSchema);
  const typing = loadDataFile(join(kdir, 'typing.yaml'), typingSchema);
  const superseded = loadDataFile(join(kdir, 'superseded.yaml'), supersededSchema);
  const others = loadDataFile(join(kdir, 'other-authorities.yaml'), otherAuthoritiesSchema);
  const messages = loadDataFile(join(kdir, 'messages.yaml'), messagesSchema);
  const outOfScopeFile = join(kdir, 'out-of-scope.yaml');
  const outOfScope = loadDataFile(outOfScopeFile, outOfScopeSchema).topics;
  const authorities = loadAuthorities(join(kdir, 'authorities'), documents);

  const coveredNames = new Set(authorities.flatMap((a) => [a.name, ...a.aliases]).map((n) => n.toLowerCase()));
  const otherAuthorities = others.authorities
    .map((a) => (typeof a === 'string' ? { name: a, matchCase: false } : a))
    .filter((a) => !coveredNames.has(a.name.toLowerCase()));

  const indexStarted = performance.now();
  const { passages, sections } = cutAllPassages(sources);
  refuseAnswerableOutOfScope(outOfScopeFile, outOfScope, passages, new Set(documents.filter((d) => d.national).map((d) => d.id)));
  const index = indexPassages(passages);
  const indexMs = performance.now() - indexStarted;
  const triage = compileTriageKnowledge(passages);
  // The induction course: every step's citation must resolve, or the build stops here.
  const induction = compileInduction(passages, { knowledgeDir: kdir, documents: new Map(documents.map((d) => [d.id, d])) });
  const store: KnowledgeStore = {
    version: 1,
    stamp: knowledgeStamp(kdir),
    documents,
    passages: passages.map((p) => ({ ...p, terms: analyze(p.text), sectionTerms: analyze(sectionPathText(p.sectionPath)) })),
    // Contacts come from the compiled triage knowledge: validated, with their citations resolved.
    authorities: authorities.map((a) => ({ ...a, contacts: triage.authorities[a.id]?.contacts ?? [] })),
    otherAuthorities,
    outOfScope,
    glossary: glossary.entries,
    synonyms: synonyms.groups,
    weakWords: synonyms.weak,
    typing,
    superseded: superseded.rules,
    messages,
  };

  const meaningStarted = performance.now();
  const { meaning, indicatorMeaning, encoded } = await encodeMeaning(options, passages, triage);
  const meaningMs = performance.now() - meaningStarted;

  mkdirSync(outDir, { recursive: true });
  writeTable(outDir, PASSAGE_MEANING, meaning);
  writeTable(outDir, INDICATOR_MEANING, indicatorMeaning);
  writeFileSync(join(outDir, INDEX_FILE), JSON.stringify(index));
  writeFileSync(join(outDir, STORE_FILE), JSON.stringify(store));
  writeFileSync(join(outDir, TRIAGE_FILE), JSON.stringify(triage));
  writeFileSync(join(outDir, INDUCTION_FILE), JSON.stringify(induction));
  // The stamp goes last: a build that failed part-way is never taken as fresh.
  writeFileSync(join(outDir, STAMP_FILE), store.stamp);
  return { outDir, documents: documents.length, sections, passages: passages.length, ms: performance.now() - started, indexMs, meaningMs, encoded };
}

/** True when outDir holds a complete build of the current knowledge inputs. */
export function isBuildFresh(options: BuildOptions = {}): boolean {
  const kdir = options.knowledgeDir ?? defaultKnowledgeDir;
  const outDir = options.outDir ?? builtKnowledgeDir;
  const stampFile = join(outDir, STAMP_FILE);
  if (
    ![STAMP_FILE, INDEX_FILE, STORE_FILE, INDUCTION_FILE, ...[PASSAGE_MEANING, INDICATOR_MEANING].flatMap((t) => [`${t}.bin`, `${t}.json`])].every((f) =>
      existsSync(join(outDir, f)),
    )
  )
    return false;
  return readFileSync(stampFile, 'utf8').trim() === knowledgeStamp(kdir);
}
