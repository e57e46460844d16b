import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDataFile } from '../data-file';
import { loadSources } from '../ingest/load-sources';
import { knowledgeDir as defaultKnowledgeDir } from '../paths';
import { glossarySchema } from '../schemas/data-files';
import { CitationResolver } from '../triage/citations';
import { yamlFilesIn } from '../triage/yaml-files';
import type { DocumentMeta, Passage } from '../types';
import { courseFileSchema, type CourseQuestionData, type CourseStepData } from './schema';
import type { CompiledCourse, CompiledQuestion, CompiledStep } from './types';

/** File name of the compiled course in the build directory. */
export const INDUCTION_FILE = 'induction.json';
/** The course file, relative to knowledge/. */
export const COURSE_FILE = join('induction', 'course.yaml');

type Glossary = ReadonlyMap<string, { expansion: string; explanation: string }>;

function compileQuestion(q: CourseQuestionData, id: string, glossary: Glossary): CompiledQuestion {
  if ('contact' in q) return { id, kind: 'contact' };
  if ('ask' in q) return { id, kind: 'ask', ask: q.ask, answer: q.answer, distractors: q.distractors };
  const kind = 'expansion' in q ? 'expansion' : 'meaning';
  const term = 'expansion' in q ? q.expansion : q.meaning;
  const field = (t: string) => (kind === 'expansion' ? glossary.get(t)!.expansion : glossary.get(t)!.explanation);
  return { id, kind, term, answer: field(term), distractors: q.distractors.map(field) };
}

function compileStep(s: CourseStepData, resolver: CitationResolver, glossary: Glossary): CompiledStep {
  return {
    id: s.id,
    title: s.title,
    topic: s.topic,
    ...(s.cite ? { cite: resolver.resolve(s.cite) } : {}),
    local: Object.fromEntries(Object.entries(s.local ?? {}).map(([a, c]) => [a, resolver.resolve(c)])),
    ...(s.only ? { only: s.only } : {}),
    contacts: s.contacts === true,
    questions: s.questions.map((q, i) => compileQuestion(q, `${s.id}-${i + 1}`, glossary)),
  };
}

export interface InductionBuildOptions {
  knowledgeDir?: string;
  /** Source documents by id (read from knowledge/sources when not given). */
  documents?: ReadonlyMap<string, DocumentMeta>;
}

/**
 * Load and validate knowledge/induction/course.yaml and resolve every citation against the built
 * passages. A quote found in no passage, an unknown glossary term or authority throws
 * `knowledge/induction/course.yaml:<line>: <reason>` (KnowledgeFileError).
 */
export function compileInduction(passages: readonly Passage[], options: InductionBuildOptions = {}): CompiledCourse {
  const kdir = options.knowledgeDir ?? defaultKnowledgeDir;
  const documents = options.documents ?? new Map(loadSources(join(kdir, 'sources')).map((s) => [s.meta.id, s.meta]));
  const resolver = new CitationResolver(passages, documents);
  const entries = loadDataFile(join(kdir, 'glossary.yaml'), glossarySchema).entries;
  const glossary: Glossary = new Map(entries.map((e) => [e.term, e]));
  const authorityDir = join(kdir, 'authorities');
  const authorityIds = new Set(existsSync(authorityDir) ? yamlFilesIn(authorityDir).map((f) => f.replace(/\.ya?ml$/, '')) : []);
  const file = loadDataFile(
    join(kdir, COURSE_FILE),
    courseFileSchema({ checkCite: (doc, quote) => resolver.check(doc, quote), glossaryTerms: new Set(glossary.keys()), authorityIds }),
  );
  return { version: 1, title: file.title, steps: file.steps.map((s) => compileStep(s, resolver, glossary)) };
}

/** Compile the course and write build/knowledge/induction.json. */
export function buildInduction(passages: readonly Passage[], outDir: string, options: InductionBuildOptions = {}): CompiledCourse {
  const course = compileInduction(passages, options);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, INDUCTION_FILE), JSON.stringify(course));
  return course;
}
