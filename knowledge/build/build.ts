import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KnowledgeFileError, loadDataFile } from '../data-file';
import { builtKnowledgeDir, knowledgeDir as defaultKnowledgeDir } from '../paths';
import { authoritySchema } from '../schemas/authority';
import { buildTriageKnowledge } from '../triage/build';
import type { DocumentMeta, Passage } from '../types';
import { analyze, sectionPathText } from './analyzer';
import { cutPassages } from './cut-passages';
import { indexPassages } from './index-passages';
import { loadSources } from './load-sources';
import { parseSections } from './parse-sections';
import { glossarySchema, messagesSchema, otherAuthoritiesSchema, supersededSchema, synonymsSchema } from './schemas';
import { knowledgeStamp } from './stamp';
import { INDEX_FILE, STAMP_FILE, STORE_FILE, type KnowledgeStore, type StoredAuthority } from './store';

export interface BuildOptions {
  knowledgeDir?: string;
  outDir?: string;
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
}

function loadAuthorities(dir: string, docs: DocumentMeta[]): StoredAuthority[] {
  const covered = new Set(docs.flatMap((d) => d.authorities));
  const byId = new Map<string, StoredAuthority>();
  if (existsSync(dir)) {
    for (const f of readdirSync(dir).filter((n) => /\.ya?ml$/.test(n)).sort()) {
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

/** Parse, validate and index all knowledge, and write it to outDir. Throws KnowledgeFileError on bad input. */
export function buildKnowledge(options: BuildOptions = {}): BuildReport {
  const started = performance.now();
  const kdir = options.knowledgeDir ?? defaultKnowledgeDir;
  const outDir = options.outDir ?? builtKnowledgeDir;

  const sources = loadSources(join(kdir, 'sources'));
  const documents = sources.map((s) => s.meta);
  const docsById = new Map(documents.map((d) => [d.id, d]));
  const glossary = loadDataFile(join(kdir, 'glossary.yaml'), glossarySchema);
  const synonyms = loadDataFile(join(kdir, 'synonyms.yaml'), synonymsSchema);
  const superseded = loadDataFile(join(kdir, 'superseded.yaml'), supersededSchema);
  const others = loadDataFile(join(kdir, 'other-authorities.yaml'), otherAuthoritiesSchema);
  const messages = loadDataFile(join(kdir, 'messages.yaml'), messagesSchema);
  const authorities = loadAuthorities(join(kdir, 'authorities'), documents);

  const coveredNames = new Set(authorities.flatMap((a) => [a.name, ...a.aliases]).map((n) => n.toLowerCase()));
  const otherAuthorities = others.authorities
    .map((a) => (typeof a === 'string' ? { name: a, matchCase: false } : a))
    .filter((a) => !coveredNames.has(a.name.toLowerCase()));

  const indexStarted = performance.now();
  let sections = 0;
  const passages: Passage[] = [];
  for (const source of sources) {
    const parsed = parseSections(source.body);
    sections += parsed.sections.length;
    passages.push(...cutPassages(source.meta, source.body, parsed));
  }

  const index = indexPassages(passages, docsById);
  const indexMs = performance.now() - indexStarted;
  const store: KnowledgeStore = {
    version: 1,
    stamp: knowledgeStamp(kdir),
    documents,
    passages: passages.map((p) => ({ ...p, terms: analyze(p.text), sectionTerms: analyze(sectionPathText(p.sectionPath)) })),
    authorities,
    otherAuthorities,
    glossary: glossary.entries,
    synonyms: synonyms.groups,
    weakWords: synonyms.weak,
    superseded: superseded.rules,
    messages,
  };

  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, INDEX_FILE), JSON.stringify(index));
  writeFileSync(join(outDir, STORE_FILE), JSON.stringify(store));
  buildTriageKnowledge(passages, outDir);
  // The stamp goes last: a build that failed part-way is never taken as fresh.
  writeFileSync(join(outDir, STAMP_FILE), store.stamp);
  return { outDir, documents: documents.length, sections, passages: passages.length, ms: performance.now() - started, indexMs };
}

/** True when outDir holds a complete build of the current knowledge inputs. */
export function isBuildFresh(options: BuildOptions = {}): boolean {
  const kdir = options.knowledgeDir ?? defaultKnowledgeDir;
  const outDir = options.outDir ?? builtKnowledgeDir;
  const stampFile = join(outDir, STAMP_FILE);
  if (!existsSync(stampFile) || !existsSync(join(outDir, INDEX_FILE)) || !existsSync(join(outDir, STORE_FILE))) return false;
  return readFileSync(stampFile, 'utf8').trim() === knowledgeStamp(kdir);
}
