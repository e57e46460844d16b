import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { KnowledgeFileError, parseDataText } from '../data-file';
import type { DocumentMeta } from '../types';
import { documentMetaSchema } from '../schemas/data-files';

/** A source document: validated front matter and the verbatim body after it. */
export interface SourceDocument {
  meta: DocumentMeta;
  file: string;
  body: string;
}

/** Split `---` YAML front matter from a Markdown source and validate it. */
export function readSource(text: string, file: string): SourceDocument {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!m) throw new KnowledgeFileError(file, 1, 'missing YAML front matter (a --- block at the top)');
  // Line 1 is the opening ---, so front-matter lines are offset by one.
  const meta = parseDataText(m[1]!, documentMetaSchema, file, 1) as DocumentMeta;
  const expected = basename(file).replace(/\.md$/, '');
  if (meta.id !== expected) throw new KnowledgeFileError(file, 2, `id "${meta.id}" must match the file name "${expected}"`);
  if (!meta.national && meta.authorities.length === 0) {
    throw new KnowledgeFileError(file, 2, 'authorities must list at least one authority (or set national: true)');
  }
  const body = text.slice(m[0].length);
  if (!body.trim()) throw new KnowledgeFileError(file, m[0].split('\n').length, 'document has no text after the front matter');
  return { meta, file, body };
}

export function loadSources(dir: string): SourceDocument[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => readSource(readFileSync(join(dir, f), 'utf8'), join(dir, f)));
}
