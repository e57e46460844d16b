import { isListLine, splitBlocks, type Block } from './blocks';

/**
 * Find the headings of a converted document and group its blocks into sections.
 * Headings arrive in many shapes (`##`, `1. Introduction`, `02 The Objectives`, `4.2`,
 * `Appendix 1:`, `I. **Tool**`, bold lines, bare short lines); each rule below is written
 * for the shape, not for a particular document, so a new authority's file works too.
 */
export interface Section {
  /** Titles from the top, e.g. ["4 Thresholds for services", "4.2 Children's services"]. */
  path: string[];
  level: number;
  /** 1-based body line of the heading (0 for the preamble before any heading). */
  line: number;
  blocks: Block[];
}

type HeadingKind = 'markdown' | 'numbered' | 'appendix' | 'sub';
interface Heading {
  kind: HeadingKind;
  title: string;
  /** Structural level for markdown/numbered/appendix; 'sub' headings are placed under them. */
  level: number;
  /** For numbered headings: the number parts ([4, 2] for "4.2"). */
  numbers?: number[];
}

const MAX_TITLE = 80;
const MAX_SUB_TITLE = 70;

/** Clean a heading line to its title: markdown emphasis, links and trailing colons go. */
export function cleanTitle(raw: string): string {
  return raw
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\\([()[\]])/g, '$1')
    .replace(/\*\*|__|<\/?[a-z]+>/gi, '')
    .replace(/\s+/g, ' ')
    .replace(/[\s:]+$/, '')
    .trim();
}

const looksLikeContact = (s: string) => /@|https?:|www\.|\b\d{3,}\s?\d{3,}/.test(s);
const endsSentence = (s: string) => /[.;,]$/.test(s);

function markdownHeading(line: string): Heading | null {
  const m = /^(#{1,6})\s+(.+)$/.exec(line.trim());
  return m ? { kind: 'markdown', level: m[1]!.length, title: cleanTitle(m[2]!) } : null;
}

function appendixHeading(line: string): Heading | null {
  if (/^\s*\[/.test(line)) return null; // a linked contents entry
  const t = cleanTitle(line);
  if (t.length > MAX_TITLE || endsSentence(t)) return null;
  return /^(appendix|annex)\s+[a-z0-9]{1,3}\b/i.test(t) ? { kind: 'appendix', level: 1, title: t } : null;
}

function numberedHeading(line: string): Heading | null {
  // A table-of-contents entry ("1. Introduction.....  5") or a linked one is not a heading.
  if (/\.{4,}|\t|^\s*\d+\.?\s*\[/.test(line)) return null;
  const m = /^\s*(\d{1,2}(?:\.\d{1,2})*)\.?\s+(\S.*)$/.exec(line);
  if (!m) return null;
  const title = cleanTitle(m[2]!);
  if (!/^[A-Z]/.test(title) || title.length > MAX_TITLE || endsSentence(title) || looksLikeContact(title)) return null;
  const numbers = m[1]!.split('.').map(Number);
  return { kind: 'numbered', level: numbers.length, numbers, title: `${m[1]} ${title}` };
}

function romanHeading(line: string): Heading | null {
  const m = /^\s*([IVX]{1,4})\.\s+(\S.*)$/.exec(line);
  if (!m) return null;
  const title = cleanTitle(m[2]!);
  if (title.length > MAX_SUB_TITLE || endsSentence(title) || !/^[A-Z]/.test(title)) return null;
  return { kind: 'sub', level: 0, title };
}

function boldHeading(line: string): Heading | null {
  const m = /^\s*\*\*([^*]+)\*\*:?\s*$/.exec(line);
  if (!m) return null;
  const title = cleanTitle(m[1]!);
  if (title.length > MAX_TITLE || endsSentence(title) || looksLikeContact(title)) return null;
  return { kind: 'sub', level: 0, title };
}

/** A bare short line is a heading only when it reads like a title and content follows it. */
function bareHeading(block: Block, next: Block | undefined, nextIsHeading: boolean, repeated: boolean): Heading | null {
  const line = block.lines[0]!.trim();
  const title = cleanTitle(line);
  if (repeated || !/^[A-Z]/.test(title) || title.length > MAX_SUB_TITLE || title.split(' ').length > 11) return null;
  if (endsSentence(title) || looksLikeContact(line) || /^[(["“'‘]/.test(line)) return null;
  // Sentences and dangling phrases are not titles: "This document is…", "…can be found at", "call 999".
  if (/^(this|that|these|those|it|there|we|they|you|he|she|i)\b/i.test(title) && !title.endsWith('?')) return null;
  if (/\b(at|to|of|for|in|on|by|with|from|and|or|the|a|an)$/i.test(title) || /\b(\d{3}|\d{5,})\b/.test(title)) return null;
  if (line.endsWith(':')) {
    // "Trix Guidance:" directly above headings labels them; otherwise a colon introduces content.
    return nextIsHeading ? { kind: 'sub', level: 0, title } : null;
  }
  if (!next || nextIsHeading) return null;
  const nextText = next.lines.join(' ').trim();
  if (next.lines.length === 1 && looksLikeContact(nextText) && nextText.length < 120) return null;
  const contentFollows = next.kind === 'list' || next.kind === 'table' || nextText.length >= 60 || nextText.endsWith(':');
  return contentFollows ? { kind: 'sub', level: 0, title } : null;
}

/** Short lines that recur in a document are running headers and footers, never headings. */
function repeatedLines(blocks: Block[]): Set<string> {
  const counts = new Map<string, number>();
  for (const b of blocks) {
    if (b.lines.length !== 1) continue;
    const t = b.lines[0]!.trim();
    if (t.length <= MAX_TITLE) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  return new Set([...counts].filter(([, n]) => n > 1).map(([t]) => t));
}

export function isRunningHeader(block: Block, repeated: Set<string>): boolean {
  return block.lines.length === 1 && repeated.has(block.lines[0]!.trim());
}

function structuralHeading(block: Block): Heading | null {
  if (block.lines.length !== 1 || block.kind === 'table' || block.kind === 'footnote') return null;
  const line = block.lines[0]!;
  return markdownHeading(line) ?? appendixHeading(line) ?? numberedHeading(line);
}

function anyHeading(block: Block, next: Block | undefined, repeated: Set<string>, nextIsHeading: boolean): Heading | null {
  if (block.lines.length !== 1 || block.kind === 'table' || block.kind === 'footnote') return null;
  const line = block.lines[0]!;
  const structural = structuralHeading(block);
  if (structural) return structural;
  const roman = romanHeading(line);
  if (roman) return roman;
  if (isListLine(line)) return null;
  return boldHeading(line) ?? bareHeading(block, next, nextIsHeading, repeated.has(line.trim()));
}

export interface ParsedDocument {
  sections: Section[];
  /** Running headers/footers ("DO NOT PRINT"): kept out of passages. */
  noise: Set<Block>;
}

export function parseSections(body: string): ParsedDocument {
  const blocks = splitBlocks(body);
  const repeated = repeatedLines(blocks);
  const noise = new Set(blocks.filter((b) => isRunningHeader(b, repeated)));
  const content = blocks.filter((b) => !noise.has(b));

  // Decide headings back to front, so "is the next block a heading" is known.
  const headings: (Heading | null)[] = new Array(content.length).fill(null);
  for (let i = content.length - 1; i >= 0; i--) {
    headings[i] = anyHeading(content[i]!, content[i + 1], repeated, headings[i + 1] !== null && headings[i + 1] !== undefined);
  }

  const headingOf = new Map<Block, Heading | null>(content.map((b, i) => [b, headings[i] ?? null]));

  const sections: Section[] = [{ path: [], level: 0, line: 0, blocks: [] }];
  // Stack of open headings: [level, title].
  const stack: { level: number; title: string }[] = [];
  let topLevel = Infinity; // smallest structural level seen: sub-headings sit one below it
  let lastTop = 0; // last top-level number, so restarted list numbering is not read as headings
  for (const block of blocks) {
    let h = headingOf.get(block) ?? null;
    if (h?.kind === 'numbered') {
      const [first] = h.numbers!;
      const ok = h.numbers!.length === 1 ? first! > lastTop && first! <= lastTop + 3 : first === lastTop;
      if (!ok) h = null;
      else if (h.numbers!.length === 1) lastTop = first!;
    }
    if (!h) {
      // Noise blocks stay in place so the passage cutter can break at them.
      sections[sections.length - 1]!.blocks.push(block);
      continue;
    }
    let level = h.level;
    if (h.kind === 'sub') level = (Number.isFinite(topLevel) ? topLevel : 0) + 1;
    else topLevel = Math.min(topLevel, level);
    while (stack.length && stack[stack.length - 1]!.level >= level) stack.pop();
    stack.push({ level, title: h.title.replace(/(\w)\.$/, '$1') });
    sections.push({ path: stack.map((s) => s.title), level, line: block.line, blocks: [] });
  }
  return { sections: sections.filter((s) => s.blocks.length > 0 || s.path.length > 0), noise };
}
