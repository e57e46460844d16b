import type { DocumentMeta, Passage } from '../types';
import type { Block } from './blocks';
import { isListLine } from './blocks';
import { cleanDisplay, foldWhitespace } from './display-text';
import type { ParsedDocument, Section } from './parse-sections';

/**
 * Cut sections into passages at paragraph, list and table-row-group boundaries.
 * A lead-in sentence ("CSN will:") stays with its list, short neighbouring blocks (contact
 * lines) are packed together, and anything too long for a Teams card is split at item,
 * row, sentence or, as a last resort, word boundaries. Every passage is a contiguous slice.
 */
export const PASSAGE_TARGET = 700;
export const PASSAGE_MAX = 1200;

interface Range {
  start: number;
  end: number;
}

type UnitKind = 'text' | 'list' | 'table' | 'footnote';
interface Unit extends Range {
  kind: UnitKind;
  /** Natural split points inside the unit: list items, table rows. */
  parts: Range[];
}

function lineRanges(body: string, block: Block): Range[] {
  const out: Range[] = [];
  let pos = block.start;
  for (const line of block.lines) {
    const at = body.indexOf(line.trim(), pos);
    const start = at >= 0 ? at : pos;
    const end = start + line.trim().length;
    out.push({ start, end });
    pos = end;
  }
  return out;
}

/** List items (a bullet line plus its continuation lines) or table rows of a block. */
function blockParts(body: string, block: Block): Range[] {
  const lines = lineRanges(body, block);
  if (block.kind === 'table') return lines;
  if (block.kind !== 'list') return [{ start: block.start, end: block.end }];
  const parts: Range[] = [];
  block.lines.forEach((line, i) => {
    const r = lines[i]!;
    // Indented sub-items stay with their parent item.
    if ((isListLine(line) && !/^\s+/.test(line)) || parts.length === 0) parts.push({ ...r });
    else parts[parts.length - 1]!.end = r.end;
  });
  return parts;
}

function toUnits(body: string, section: Section, noise: Set<Block>): (Unit | null)[] {
  // null marks a hard break (a running header between blocks).
  const units: (Unit | null)[] = [];
  for (const block of section.blocks) {
    if (noise.has(block)) {
      units.push(null);
      continue;
    }
    const parts = blockParts(body, block);
    const prev = units[units.length - 1];
    const kind: UnitKind = block.kind === 'paragraph' ? 'text' : block.kind;
    const prevText = prev ? body.slice(prev.start, prev.end) : '';
    const leadIn = prev && prev.kind === 'text' && /[:;]\s*$/.test(prevText);
    // A sentence broken by a page break: the previous block stops mid-sentence, this one starts lower-case.
    if (prev && prev.kind !== 'footnote' && kind === 'text' && /[\p{L},]$/u.test(prevText) && isContinuation(block)) {
      prev.end = block.end;
      prev.parts.push(...parts);
      continue;
    }
    const continuesList = prev && prev.kind === kind && (kind === 'list' || kind === 'table' || kind === 'footnote');
    if (prev && (kind === 'list' || kind === 'table') && (leadIn || continuesList)) {
      prev.kind = kind;
      prev.end = block.end;
      prev.parts.push(...parts);
    } else if (prev && kind === 'text' && prev.kind === 'list' && /^\s+/.test(block.lines[0]!) === false && isContinuation(block)) {
      prev.end = block.end;
      prev.parts.push(...parts);
    } else {
      units.push({ kind, start: block.start, end: block.end, parts });
    }
  }
  return units;
}

/** A paragraph that carries on a list item broken by a page break (starts lower-case). */
function isContinuation(block: Block): boolean {
  return /^[a-z]/.test(block.lines[0]!.trim());
}

const SENTENCE_END = /[.!?;](?:["”’)]|\*\*)?\s+(?=["“‘(*]*[A-Z0-9])/g;

function splitSentences(body: string, r: Range): Range[] {
  const text = body.slice(r.start, r.end);
  const out: Range[] = [];
  let from = 0;
  SENTENCE_END.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SENTENCE_END.exec(text))) {
    const cut = m.index + m[0].trimEnd().length;
    out.push({ start: r.start + from, end: r.start + cut });
    from = m.index + m[0].length;
  }
  if (from < text.length) out.push({ start: r.start + from, end: r.end });
  return out;
}

/** Last resort for text with no sentence ends (the flattened matrix): cut between words. */
function splitWords(body: string, r: Range): Range[] {
  const out: Range[] = [];
  let start = r.start;
  while (r.end - start > PASSAGE_TARGET) {
    const window = body.slice(start, start + PASSAGE_TARGET);
    // Prefer a cut before a capitalised word (matrix indicators start with one), then any space.
    let cut = window.search(/\s[A-Z][a-z]+[^\n]{0,0}(?![\s\S]*\s[A-Z][a-z])/);
    if (cut < PASSAGE_TARGET / 2) cut = window.lastIndexOf(' ');
    if (cut <= 0) cut = PASSAGE_TARGET;
    out.push({ start, end: start + cut });
    start += cut;
    while (/\s/.test(body[start] ?? '')) start++;
  }
  if (start < r.end) out.push({ start, end: r.end });
  return out;
}

/** Break a range down until every piece fits a card. */
function fitPieces(body: string, r: Range): Range[] {
  if (r.end - r.start <= PASSAGE_MAX) return [r];
  // Table cells first, then sentences, then words.
  const text = body.slice(r.start, r.end);
  const cells: Range[] = [];
  const cellRe = /\t|<\/p>\s*<p>/g;
  let from = 0;
  let m: RegExpExecArray | null;
  while ((m = cellRe.exec(text))) {
    cells.push({ start: r.start + from, end: r.start + m.index + (m[0] === '\t' ? 0 : 4) });
    from = m.index + m[0].length - (m[0] === '\t' ? 0 : 3);
  }
  cells.push({ start: r.start + from, end: r.end });
  const pieces = cells.length > 1 ? cells : splitSentences(body, r);
  if (pieces.length === 1) return splitWords(body, r);
  return pack(pieces).flatMap((p) => (p.end - p.start > PASSAGE_MAX ? fitPiecesInner(body, p) : [p]));
}

function fitPiecesInner(body: string, r: Range): Range[] {
  const sentences = splitSentences(body, r);
  if (sentences.length > 1) return pack(sentences).flatMap((p) => (p.end - p.start > PASSAGE_MAX ? splitWords(body, p) : [p]));
  return splitWords(body, r);
}

/** Join neighbouring ranges into pieces of even size, none over the maximum when avoidable. */
function pack(ranges: Range[]): Range[] {
  if (ranges.length === 0) return [];
  const total = ranges[ranges.length - 1]!.end - ranges[0]!.start;
  const target = Math.max(PASSAGE_TARGET / 2, total / Math.ceil(total / (PASSAGE_MAX - 200)));
  const out: Range[] = [];
  for (const r of ranges) {
    const last = out[out.length - 1];
    if (last && (r.end - last.start <= target || (last.end - last.start < target * 0.6 && r.end - last.start <= PASSAGE_MAX))) last.end = r.end;
    else out.push({ ...r });
  }
  return out;
}

function unitPieces(body: string, unit: Unit): Range[] {
  if (unit.end - unit.start <= PASSAGE_MAX) return [{ start: unit.start, end: unit.end }];
  // A lead-in paragraph is the first part: fold the preamble up to the first part into it.
  const parts = unit.parts.length ? [...unit.parts] : [{ start: unit.start, end: unit.end }];
  if (parts[0]!.start > unit.start) parts.unshift({ start: unit.start, end: parts[0]!.start });
  const fitted = parts.flatMap((p) => fitPieces(body, p));
  return pack(fitted);
}

/** A short line that announces what follows: ends with a colon, or is a bare label. */
export function isLeadIn(text: string): boolean {
  const t = text.trim();
  return t.length > 0 && t.length <= LEAD_IN_MAX && !t.includes('\n') && /:\s*$/.test(t);
}
const LEAD_IN_MAX = 120;

/** Pack the units of one section into passage ranges. */
function sectionRanges(body: string, section: Section, noise: Set<Block>): Range[] {
  const ranges: Range[] = [];
  let open: { range: Range; kind: UnitKind } | null = null;
  for (const unit of toUnits(body, section, noise)) {
    if (!unit) {
      open = null;
      continue;
    }
    const pieces = unitPieces(body, unit);
    for (const [i, piece] of pieces.entries()) {
      const size = piece.end - piece.start;
      const isolated = unit.kind === 'footnote';
      const fits = open && piece.end - open.range.start <= PASSAGE_TARGET;
      // A heading-like lead-in ("How to be prepared to leave urgently:") never stands alone:
      // it joins what it introduces when that still fits a card.
      const leadIn =
        open &&
        i === 0 &&
        !isolated &&
        open.kind !== 'footnote' &&
        isLeadIn(body.slice(open.range.start, open.range.end)) &&
        piece.end - open.range.start <= PASSAGE_MAX;
      if (open && leadIn) {
        open.range.end = piece.end;
      } else if (open && fits && pieces.length === 1 && (open.kind === 'footnote') === isolated) {
        open.range.end = piece.end;
      } else {
        open = { range: { ...piece }, kind: unit.kind };
        ranges.push(open.range);
      }
      // A piece that alone fills a card closes the passage.
      if (size >= PASSAGE_TARGET || pieces.length > 1) open = null;
    }
  }
  return ranges;
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
}

export function cutPassages(meta: DocumentMeta, body: string, parsed: ParsedDocument): Passage[] {
  const passages: Passage[] = [];
  const anchors = new Map<string, string>();
  const usedAnchors = new Set<string>();
  for (const section of parsed.sections) {
    const key = section.path.join('\u0000');
    let anchor = anchors.get(key);
    if (!anchor) {
      const base = `${meta.id}--${slug(section.path[section.path.length - 1] ?? 'start') || 'section'}`;
      anchor = base;
      for (let n = 2; usedAnchors.has(anchor); n++) anchor = `${base}-${n}`;
      usedAnchors.add(anchor);
      anchors.set(key, anchor);
    }
    for (const r of sectionRanges(body, section, parsed.noise)) {
      const raw = body.slice(r.start, r.end);
      const text = foldWhitespace(raw);
      const display = cleanDisplay(raw);
      if (!text || !display) continue;
      const ordinal = passages.length;
      passages.push({
        id: `${meta.id}#${ordinal}`,
        docId: meta.id,
        sectionPath: section.path,
        section: section.path.join(' › '),
        anchor,
        text,
        display,
        ordinal,
      });
    }
  }
  return passages;
}
