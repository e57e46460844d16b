import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import type { z } from 'zod';

/** A knowledge file failed to parse or validate. The message names the file, the line and the reason. */
export class KnowledgeFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly reason: string,
  ) {
    super(`${file}${line ? `:${line}` : ''}: ${reason}`);
    this.name = 'KnowledgeFileError';
  }
}

function displayPath(file: string): string {
  return relative(process.cwd(), file) || file;
}

function lineOfPath(doc: Document, lines: LineCounter, path: ReadonlyArray<PropertyKey>): number | undefined {
  // Walk up the path until a node with a source range exists (a missing key reports its parent).
  for (let depth = path.length; depth >= 0; depth--) {
    const node = doc.getIn(path.slice(0, depth) as unknown[], true);
    if (isNode(node) && node.range) return lines.linePos(node.range[0]).line;
  }
  return undefined;
}

/**
 * Parse YAML (or JSON, which is YAML) text and validate it with a zod schema.
 * `lineOffset` shifts reported lines, for YAML front matter inside a Markdown file.
 */
export function parseDataText<S extends z.ZodType>(text: string, schema: S, file: string, lineOffset = 0): z.infer<S> {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const shown = displayPath(file);
  if (doc.errors.length > 0) {
    const err = doc.errors[0]!;
    const line = err.linePos?.[0]?.line ?? lines.linePos(err.pos[0]).line;
    throw new KnowledgeFileError(shown, line + lineOffset, err.message.split('\n')[0] ?? 'YAML syntax error');
  }
  const result = schema.safeParse(doc.toJS());
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const line = lineOfPath(doc, lines, issue.path);
    const where = issue.path.length ? ` at ${issue.path.join('.')}` : '';
    throw new KnowledgeFileError(shown, line === undefined ? undefined : line + lineOffset, `${issue.message}${where}`);
  }
  return result.data;
}

/** Read and validate a YAML or JSON knowledge file. */
export function loadDataFile<S extends z.ZodType>(file: string, schema: S): z.infer<S> {
  return parseDataText(readFileSync(file, 'utf8'), schema, file);
}

/** 1-based line of the first line in `file` that matches `re`, for errors found after parsing. */
export function lineOf(file: string, re: RegExp): number | undefined {
  const lines = readFileSync(file, 'utf8').split('\n');
  const i = lines.findIndex((l) => re.test(l));
  return i >= 0 ? i + 1 : undefined;
}
