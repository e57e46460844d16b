import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { type z } from 'zod';
import { KnowledgeFileError, lineOf, loadDataFile } from '../data-file';
import { loadSources } from '../build/load-sources';
import { knowledgeDir as defaultKnowledgeDir } from '../paths';
import type { DocumentMeta, Passage } from '../types';
import { readIndicators } from './read-indicators';
import { INDICATOR_GROUPS } from './types';
import { CitationResolver } from './citations';
import { conditionFacts } from './conditions';
import {
  authorityFileSchema,
  indicatorGroupFileSchema,
  MAX_PATTERN_LENGTH,
  readingFileSchema,
  matrixFileSchema,
  rulesFileSchema,
  servicesFileSchema,
  type CiteRef,
  type IndicatorsFile,
  type SchemaContext,
} from './schemas';
import type {
  CompiledAuthority,
  CompiledContact,
  CompiledEscalation,
  CompiledIndicator,
  CompiledRule,
  Level,
  MatrixItem,
  ReadingConfig,
  TriageKnowledge,
} from './types';

/** File name of the compiled triage knowledge in the build directory. */
export const TRIAGE_FILE = 'triage.json';

export interface TriageBuildOptions {
  /** The knowledge/ directory (sources, authorities, matrix, triage data). */
  knowledgeDir?: string;
}

function shown(file: string): string {
  return relative(process.cwd(), file) || file;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Expand {vocabulary} placeholders and check the result compiles. */
function compileReading(file: string, data: IndicatorsFile): { reading: ReadingConfig; expand: (p: string, where: string) => string } {
  const numberWords = Object.fromEntries(Object.entries(data.numberWords).map(([k, v]) => [k.toLowerCase(), v]));
  const words = Object.keys(numberWords)
    .filter((w) => /^[a-z]+$/.test(w))
    .sort((a, b) => b.length - a.length);
  const num = `(?:\\d+(?:\\.\\d+)?|${words.map(escapeRe).join('|')})`;
  const vocab: Record<string, string> = {
    num,
    numlist: `${num}(?:\\s*(?:,|and|&|\\+)\\s*${num})*`,
  };
  for (const [name, list] of Object.entries(data.vocabularies)) vocab[name] = `(?:${list.join('|')})`;
  if (vocab.ordinals) vocab.ord = vocab.ordinals;

  const expand = (pattern: string, where: string): string => {
    const out = pattern.replace(/\{([a-zA-Z]+)\}/g, (_m, name: string) => {
      const v = vocab[name];
      if (!v) throw new KnowledgeFileError(shown(file), lineOf(file, new RegExp(escapeRe(where))), `unknown placeholder {${name}} in a pattern of ${where}`);
      return v;
    });
    try {
      new RegExp(out, 'giu');
    } catch (err) {
      throw new KnowledgeFileError(shown(file), lineOf(file, new RegExp(escapeRe(where))), `pattern of ${where} does not compile: ${(err as Error).message}`);
    }
    return out;
  };

  const reading: ReadingConfig = {
    negationCues: data.negation.cues.map((c) => expand(c, 'negation')).join('|'),
    negationExceptions: data.negation.exceptions.map((c) => expand(c, 'negation')).join('|'),
    clauseBreaks: expand(data.negation.clauseBreaks, 'negation'),
    negationWindow: data.negation.window,
    negationMaxWords: data.negation.maxWordsBetween,
    numberWords,
    facts: data.facts.map((f) => ({
      fact: f.fact,
      source: expand(f.pattern, `fact: ${f.fact}`),
      negatable: f.negatable,
      ...(f.value !== undefined ? { value: f.value } : {}),
    })),
    positionsOfTrust: data.vocabularies.roles ?? [],
    shorthand: data.shorthand,
  };
  return { reading, expand };
}

/**
 * A phrase as a pattern: its words literally (case-insensitive, whole words, any run of spaces,
 * the apostrophe optional so "wont" reads as "won't"), {slot} placeholders kept for expansion.
 */
export function phraseSource(phrase: string): string {
  return phrase
    .trim()
    .split(/(\{[a-zA-Z]+\})/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part
            .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
            .replace(/\s+/g, '\\s+')
            .replace(/'/g, "'?"),
    )
    .join('');
}

/** A phrase ends at a word boundary (added after its slots are expanded). */
const PHRASE_END = '(?![\\p{L}\\p{N}])';

/** Patterns and phrases longer than a line: a person cannot review them (the build refuses them). */
export function overlongPatterns(data: IndicatorsFile): { file: string; id: string; length: number }[] {
  return data.indicators.flatMap((ind) =>
    [...ind.phrases.map((p) => (typeof p === 'string' ? p : p.phrase)), ...ind.patterns.map((p) => (typeof p === 'string' ? p : p.pattern))]
      .filter((p) => p.length > MAX_PATTERN_LENGTH)
      .map((p) => ({ file: ind.file, id: ind.id, length: p.length })),
  );
}

/** Every indicator's must-match sentences read as it, and its must-not-match sentences do not. */
function checkIndicatorSentences(data: IndicatorsFile, tk: TriageKnowledge): void {
  for (const ind of data.indicators) {
    for (const [sentences, want] of [
      [ind.mustMatch, true],
      [ind.mustNotMatch, false],
    ] as const) {
      for (const sentence of sentences) {
        const found = readIndicators(tk, sentence).indicators.some((i) => i.id === ind.id);
        if (found !== want) {
          throw new KnowledgeFileError(
            shown(ind.file),
            lineOf(ind.file, new RegExp(escapeRe(sentence.slice(0, 40)))),
            `${ind.id}: "${sentence}" must ${want ? '' : 'not '}read as this indicator`,
          );
        }
      }
    }
  }
}

/** reading.yaml and every file of triage/indicators/, merged; the file name is the group. */
function loadIndicatorData(kdir: string): IndicatorsFile {
  const reading = loadDataFile(join(kdir, 'triage', 'reading.yaml'), readingFileSchema);
  const dir = join(kdir, 'triage', 'indicators');
  const indicators: IndicatorsFile['indicators'] = [];
  const vocabularies = { ...reading.vocabularies };
  const fileOf = new Map<string, string>();
  for (const f of readdirSync(dir)
    .filter((n) => /\.ya?ml$/.test(n))
    .sort()) {
    const file = join(dir, f);
    const group = f.replace(/\.ya?ml$/, '');
    if (!(INDICATOR_GROUPS as readonly string[]).includes(group)) {
      throw new KnowledgeFileError(shown(file), 1, `the file name must be one of the groups ${INDICATOR_GROUPS.join(', ')}`);
    }
    const data = loadDataFile(file, indicatorGroupFileSchema);
    for (const [name, list] of Object.entries(data.vocabularies ?? {})) {
      if (vocabularies[name]) throw new KnowledgeFileError(shown(file), lineOf(file, new RegExp(`^\\s+${name}:`)), `vocabulary {${name}} is already defined`);
      vocabularies[name] = list;
    }
    for (const ind of data.indicators) {
      const other = fileOf.get(ind.id);
      if (other)
        throw new KnowledgeFileError(
          shown(file),
          lineOf(file, new RegExp(`id:\\s*${escapeRe(ind.id)}\\b`)),
          `indicator "${ind.id}" is also defined in ${shown(other)}`,
        );
      fileOf.set(ind.id, file);
      indicators.push({ ...ind, group: group as IndicatorsFile['indicators'][number]['group'], file });
    }
  }
  return { ...reading, vocabularies, indicators };
}

/** Load, validate and resolve all triage data; returns the compiled knowledge (no files written). */
export function compileTriageKnowledge(passages: readonly Passage[], options: TriageBuildOptions = {}): TriageKnowledge {
  const kdir = options.knowledgeDir ?? defaultKnowledgeDir;
  const documents = new Map<string, DocumentMeta>(loadSources(join(kdir, 'sources')).map((s) => [s.meta.id, s.meta]));
  const resolver = new CitationResolver(passages, documents);

  const indicatorData = loadIndicatorData(kdir);
  const readingFile = join(kdir, 'triage', 'reading.yaml');
  const { reading, expand } = compileReading(readingFile, indicatorData);

  const rulesFile = join(kdir, 'triage', 'rules.yaml');
  const servicesFile = join(kdir, 'services.yaml');
  // Referral types and needs are declared in the files that use them; read them first so
  // every reference can be checked with its line.
  const peek = (file: string, key: string): string[] => {
    try {
      const v = (parseYaml(readFileSync(file, 'utf8')) as Record<string, unknown> | null)?.[key];
      return Array.isArray(v) ? v.map(String) : v && typeof v === 'object' ? Object.keys(v) : [];
    } catch {
      return []; // loadDataFile reports the syntax error with its line
    }
  };
  const ctx: SchemaContext = {
    checkCite: (doc, quote) => resolver.check(doc, quote),
    indicatorIds: new Set(indicatorData.indicators.map((i) => i.id)),
    tags: new Set(indicatorData.indicators.flatMap((i) => i.tags)),
    referralIds: new Set(existsSync(rulesFile) ? peek(rulesFile, 'referralTypes') : []),
    needs: new Set(existsSync(servicesFile) ? peek(servicesFile, 'needs') : []),
  };
  const cites = (refs: CiteRef[]) => refs.map((r) => resolver.resolve(r));

  const servicesData = loadDataFile(servicesFile, servicesFileSchema(ctx));
  const matrixFile = join(kdir, 'matrix.yaml');
  const matrixData = loadDataFile(matrixFile, matrixFileSchema(ctx));
  const rulesData = loadDataFile(rulesFile, rulesFileSchema(ctx));

  const compileRule = (file: string, scope: string, r: z.infer<ReturnType<typeof rulesFileSchema>>['rules'][number]): CompiledRule => {
    const facts = conditionFacts(r.when);
    if ((r.level !== undefined || r.pathway !== undefined) && (facts.has('level') || facts.has('pathway'))) {
      throw new KnowledgeFileError(
        shown(file),
        lineOf(file, new RegExp(`id:\\s*${escapeRe(r.id)}\\b`)),
        `rule ${r.id} sets a level or pathway, so its condition cannot use the decided level or pathway`,
      );
    }
    return {
      id: r.id,
      scope,
      description: r.description,
      when: r.when,
      ...(r.level !== undefined ? { level: r.level } : {}),
      ...(r.pathway !== undefined ? { pathway: r.pathway } : {}),
      referrals: r.referrals.map((x) => ({ id: x.id, why: x.why ?? r.description })),
      nextSteps: r.nextSteps,
      contacts: r.contacts,
      services: r.services,
      citations: cites(r.cite),
    };
  };
  const compileEscalation = (e: z.infer<ReturnType<typeof rulesFileSchema>>['escalations'][number]): CompiledEscalation => ({
    id: e.id,
    description: e.description,
    when: e.when,
    ...(e.raiseBy !== undefined ? { raiseBy: e.raiseBy } : {}),
    ...(e.atLeast !== undefined ? { atLeast: e.atLeast } : {}),
    ...(e.setLevel !== undefined ? { setLevel: e.setLevel } : {}),
    citations: cites(e.cite),
  });
  const compileContact = (c: z.infer<ReturnType<typeof rulesFileSchema>>['contacts'][number]): CompiledContact => ({
    id: c.id,
    role: c.role,
    ...(c.name ? { name: c.name } : {}),
    ...(c.phone ? { phone: String(c.phone) } : {}),
    ...(c.email ? { email: c.email } : {}),
    ...(c.hours ? { hours: c.hours } : {}),
    ...(c.outOfHours ? { outOfHours: String(c.outOfHours) } : {}),
    serves: c.serves,
    citations: cites(c.cite),
  });

  // Matrix: an indicator's scale is the highest scale whose evidence or risk factors list it.
  const scaleOf = new Map<string, Level>();
  const item = (i: { text: string; indicators: unknown[]; cite: CiteRef[] }): MatrixItem => ({
    text: i.text,
    indicators: i.indicators as string[],
    citations: cites(i.cite),
  });
  const scales = matrixData.scales
    .slice()
    .sort((a, b) => a.scale - b.scale)
    .map((s) => {
      const evidence = s.evidence.map(item);
      const riskFactors = s.riskFactors.map(item);
      for (const it of [...evidence, ...riskFactors]) for (const id of it.indicators) if ((scaleOf.get(id) ?? 0) < s.scale) scaleOf.set(id, s.scale);
      return {
        scale: s.scale,
        name: s.name,
        pathway: s.pathway,
        response: s.response,
        evidence,
        riskFactors,
        protectiveFactors: s.protectiveFactors.map(item),
        citations: cites(s.cite),
      };
    });
  if (scales.map((s) => s.scale).join() !== '1,2,3,4') {
    throw new KnowledgeFileError(shown(matrixFile), lineOf(matrixFile, /^scales:/), 'scales must be 1, 2, 3 and 4, once each');
  }

  const indicators: CompiledIndicator[] = indicatorData.indicators.map((ind) => ({
    id: ind.id,
    label: ind.label,
    group: ind.group,
    tags: ind.tags,
    ...(scaleOf.has(ind.id) ? { scale: scaleOf.get(ind.id)! } : {}),
    ...(ind.help ? { help: ind.help } : {}),
    patterns: [
      ...ind.phrases.map((p) => {
        const phrase = typeof p === 'string' ? p : p.phrase;
        return { source: `${expand(phraseSource(phrase), `id: ${ind.id}`)}${PHRASE_END}`, negatable: typeof p === 'string' ? true : p.negatable };
      }),
      ...ind.patterns.map((p) =>
        typeof p === 'string'
          ? { source: expand(p, `id: ${ind.id}`), negatable: true }
          : { source: expand(p.pattern, `id: ${ind.id}`), negatable: p.negatable, ...(p.caseSensitive ? { caseSensitive: true } : {}) },
      ),
    ],
    examples: ind.examples,
    readByMeaning: ind.readByMeaning && !ind.tags.includes('protective'),
    implies: ind.implies,
    excludes: ind.excludes,
  }));
  for (const ind of indicatorData.indicators) {
    for (const [verb, ids] of [
      ['implies', ind.implies],
      ['excludes', ind.excludes],
    ] as const) {
      for (const id of ids) {
        if (!indicatorData.indicators.some((i) => i.id === id))
          throw new KnowledgeFileError(
            shown(ind.file),
            lineOf(ind.file, new RegExp(`id:\\s*${escapeRe(ind.id)}\\b`)),
            `${ind.id} ${verb} unknown indicator "${id}"`,
          );
      }
    }
  }

  const overlong = overlongPatterns(indicatorData)[0];
  if (overlong) {
    throw new KnowledgeFileError(
      shown(overlong.file),
      lineOf(overlong.file, new RegExp(`id:\\s*${escapeRe(overlong.id)}\\b`)),
      `${overlong.id}: a pattern of ${overlong.length} characters; keep each to one line (${MAX_PATTERN_LENGTH}) by moving alternatives into a vocabulary`,
    );
  }
  checkIndicatorSentences(indicatorData, { reading, indicators } as TriageKnowledge);
  for (const check of indicatorData.checks) {
    for (const id of check.indicators) {
      if (!ctx.indicatorIds.has(id))
        throw new KnowledgeFileError(
          shown(readingFile),
          lineOf(readingFile, new RegExp(`id: ${escapeRe(check.id)}\\b`)),
          `check ${check.id} names unknown indicator "${id}"`,
        );
    }
  }

  const authDir = join(kdir, 'authorities');
  const authorities: Record<string, CompiledAuthority> = {};
  for (const f of readdirSync(authDir)
    .filter((n) => /\.ya?ml$/.test(n))
    .sort()) {
    const file = join(authDir, f);
    const a = loadDataFile(file, authorityFileSchema(ctx));
    if (`${a.id}.yaml` !== f && `${a.id}.yml` !== f) throw new KnowledgeFileError(shown(file), lineOf(file, /^id:/), `id "${a.id}" must match the file name`);
    for (const d of a.documents) {
      if (!documents.has(d)) throw new KnowledgeFileError(shown(file), lineOf(file, /^documents:/), `unknown document "${d}"`);
    }
    authorities[a.id] = {
      id: a.id,
      name: a.name,
      aliases: a.aliases,
      documents: a.documents,
      contacts: a.contacts.map(compileContact),
      routes: Object.fromEntries(
        Object.entries(a.routes).map(([p, r]) => [p, { summary: r.summary, contacts: r.contacts, nextSteps: r.nextSteps, citations: cites(r.cite) }]),
      ),
      rules: a.rules.map((r) => compileRule(file, a.id, r)),
    };
  }

  const services = servicesData.services.map((s) => ({
    id: s.id,
    name: s.name,
    description: s.description,
    ...(s.phone ? { phone: String(s.phone) } : {}),
    ...(s.email ? { email: s.email } : {}),
    ...(s.web ? { web: s.web } : {}),
    ...(s.hours ? { hours: s.hours } : {}),
    needs: s.needs,
    authorities: s.authorities,
    citations: cites(s.cite),
  }));
  for (const s of services) {
    for (const a of s.authorities) {
      if (!authorities[a])
        throw new KnowledgeFileError(
          shown(servicesFile),
          lineOf(servicesFile, new RegExp(`id:\\s*${escapeRe(s.id)}\\b`)),
          `service ${s.id} names unknown authority "${a}"`,
        );
    }
  }

  return {
    version: 1,
    builtAt: new Date().toISOString(),
    reading,
    indicators,
    matrix: { scales, uplift: compileEscalation(matrixData.uplift), note: matrixData.note },
    referralTypes: rulesData.referralTypes,
    national: {
      rules: rulesData.rules.map((r) => compileRule(rulesFile, 'national', r)),
      escalations: rulesData.escalations.map(compileEscalation),
      contacts: rulesData.contacts.map(compileContact),
    },
    authorities,
    services,
    needs: Object.entries(servicesData.needs).map(([needId, label]) => ({ id: needId, label })),
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
