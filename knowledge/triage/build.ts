import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { loadDataFile } from '../data-file';
import { loadSources } from '../ingest/load-sources';
import { knowledgeDir as defaultKnowledgeDir } from '../paths';
import type { DocumentMeta, Passage } from '../types';
import { sentenceCheckFingerprint } from './sentence-check-cache';
import { checkAskedAbout, checkIndicators } from './check-indicators';
import { CitationResolver } from './citations';
import { compileAuthorities } from './compile-authorities';
import { compileIndicators } from './compile-indicators';
import { compileMatrix } from './compile-matrix';
import { compileReading } from './compile-reading';
import { compileEscalation, compileNational, type Cites } from './compile-rules';
import { compileServices } from './compile-services';
import { escalationTopicsFileSchema } from './escalation-schemas';
import { loadIndicatorData } from './load-indicator-data';
import { matrixFileSchema, rulesFileSchema, servicesFileSchema, type IndicatorsFile, type SchemaContext } from './schemas';
import type { TriageKnowledge } from './types';

export { overlongPatterns } from './check-indicators';
export { phraseSource } from './compile-indicators';

/** File name of the compiled triage knowledge in the build directory. */
export const TRIAGE_FILE = 'triage.json';

export interface TriageBuildOptions {
  /** The knowledge/ directory (sources, authorities, matrix, triage data). */
  knowledgeDir?: string;
}

/** The ids (a list's items or a mapping's keys) under a top-level key of a YAML file, read before it is validated. */
function peekIds(file: string, key: string): string[] {
  try {
    const v = (parseYaml(readFileSync(file, 'utf8')) as Record<string, unknown> | null)?.[key];
    return Array.isArray(v) ? v.map(String) : v && typeof v === 'object' ? Object.keys(v) : [];
  } catch {
    return []; // loadDataFile reports the syntax error with its line
  }
}

/** The topic ids of knowledge/escalation.yaml, read before it is validated. */
function peekTopicIds(file: string): string[] {
  try {
    const v = (parseYaml(readFileSync(file, 'utf8')) as { topics?: { id?: unknown }[] } | null)?.topics;
    return Array.isArray(v) ? v.map((t) => String(t?.id)) : [];
  } catch {
    return []; // loadDataFile reports the syntax error with its line
  }
}

/** What the schemas check references against: quotes, indicator ids and tags, referral types and needs. */
function schemaContext(
  resolver: CitationResolver,
  indicatorData: IndicatorsFile,
  rulesFile: string,
  servicesFile: string,
  escalationFile: string,
): SchemaContext {
  // Referral types and needs are declared in the files that use them; read them first so
  // every reference can be checked with its line.
  return {
    checkCite: (doc, quote) => resolver.check(doc, quote),
    indicatorIds: new Set(indicatorData.indicators.map((i) => i.id)),
    tags: new Set(indicatorData.indicators.flatMap((i) => i.tags)),
    referralIds: new Set(existsSync(rulesFile) ? peekIds(rulesFile, 'referralTypes') : []),
    needs: new Set(existsSync(servicesFile) ? peekIds(servicesFile, 'needs') : []),
    escalationTopics: new Set(existsSync(escalationFile) ? peekTopicIds(escalationFile) : []),
  };
}

/** The source documents' metadata, by document id. */
function loadDocuments(kdir: string): Map<string, DocumentMeta> {
  return new Map<string, DocumentMeta>(loadSources(join(kdir, 'sources')).map((s) => [s.meta.id, s.meta]));
}

/** Load, validate and resolve all triage data; returns the compiled knowledge (no files written). */
export function compileTriageKnowledge(passages: readonly Passage[], options: TriageBuildOptions = {}): TriageKnowledge {
  const kdir = options.knowledgeDir ?? defaultKnowledgeDir;
  const documents = loadDocuments(kdir);
  const resolver = new CitationResolver(passages, documents);

  const indicatorData = loadIndicatorData(kdir);
  const readingFile = join(kdir, 'triage', 'reading.yaml');
  const { reading, expand } = compileReading(readingFile, indicatorData);

  const rulesFile = join(kdir, 'triage', 'rules.yaml');
  const servicesFile = join(kdir, 'services.yaml');
  const escalationFile = join(kdir, 'escalation.yaml');
  const ctx = schemaContext(resolver, indicatorData, rulesFile, servicesFile, escalationFile);
  const escalation = loadDataFile(escalationFile, escalationTopicsFileSchema);
  const cites: Cites = (refs) => refs.map((r) => resolver.resolve(r));

  const servicesData = loadDataFile(servicesFile, servicesFileSchema(ctx));
  const matrixFile = join(kdir, 'matrix.yaml');
  const matrixData = loadDataFile(matrixFile, matrixFileSchema(ctx));
  const rulesData = loadDataFile(rulesFile, rulesFileSchema(ctx));

  // Matrix: an indicator's scale is the highest scale whose evidence or risk factors list it.
  const { scales, scaleOf } = compileMatrix(matrixFile, matrixData, cites);
  const indicators = compileIndicators(indicatorData, scaleOf, expand);
  checkIndicators(readingFile, indicatorData, { reading, indicators } as TriageKnowledge, ctx.indicatorIds, {
    fingerprint: sentenceCheckFingerprint(kdir),
  });
  checkAskedAbout(indicatorData, passages);

  const authorities = compileAuthorities(join(kdir, 'authorities'), ctx, documents, cites);
  const services = compileServices(servicesFile, servicesData, authorities, cites);

  return {
    version: 1,
    builtAt: new Date().toISOString(),
    reading,
    indicators,
    matrix: {
      scales,
      uplift: compileEscalation(matrixData.uplift, cites),
      ...(matrixData.upliftToScale4 ? { upliftToScale4: matrixData.upliftToScale4 } : {}),
      ...(matrixData.upliftToScale3 ? { upliftToScale3: matrixData.upliftToScale3 } : {}),
      note: matrixData.note,
      ...(matrixData.riskFactorReach !== undefined ? { riskFactorReach: matrixData.riskFactorReach } : {}),
    },
    referralTypes: rulesData.referralTypes,
    national: compileNational(rulesFile, rulesData, cites),
    authorities,
    services,
    needs: Object.entries(servicesData.needs).map(([needId, label]) => ({ id: needId, label })),
    needWords: servicesData.needWords,
    escalation,
    questions: indicatorData.questions,
    checks: indicatorData.checks,
    meaningBackground: indicatorData.meaningBackground,
    disclaimer: rulesData.disclaimer,
  };
}

/**
 * Build step for triage knowledge (matrix, authorities' contacts/routes/rules, indicator
 * patterns, services). Called by the knowledge build after passages exist: every citation is
 * resolved against them, and a bad file or an unresolvable quote throws `file:line: reason`.
 * Writes build/knowledge/triage.json.
 */
export function buildTriageKnowledge(passages: readonly Passage[], outDir: string, options: TriageBuildOptions = {}): TriageKnowledge {
  const tk = compileTriageKnowledge(passages, options);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, TRIAGE_FILE), JSON.stringify(tk));
  return tk;
}
