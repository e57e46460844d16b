/**
 * Split a document body into blocks: runs of non-blank lines, with their character range in
 * the body so passages can stay verbatim slices of the source.
 */
export type BlockKind = 'paragraph' | 'list' | 'table' | 'footnote';

export interface Block {
  kind: BlockKind;
  /** Offsets into the body: body.slice(start, end) is the block, verbatim. */
  start: number;
  end: number;
  lines: string[];
  /** 1-based line number in the body of the block's first line. */
  line: number;
}

const BULLET = /^\s*(?:[-*•▪◦❖►➢]|\d{1,2}[.)]|[ivxIVX]{1,4}[.)]|[a-z][.)])\s+/;
const TABLE_ROW = /\t|<\/?(?:p|td|tr)>|^\s*\|.*\|\s*$/;
const FOOTNOTE = /^[\u00B9\u00B2\u00B3\u2070-\u2079]+\s*\S/;

export function isListLine(line: string): boolean {
  return BULLET.test(line);
}

function classify(lines: string[]): BlockKind {
  if (lines.every((l) => FOOTNOTE.test(l))) return 'footnote';
  if (lines.some((l) => TABLE_ROW.test(l))) return 'table';
  if (isListLine(lines[0]!)) return 'list';
  return 'paragraph';
}

export function splitBlocks(body: string): Block[] {
  const blocks: Block[] = [];
  const lineRe = /[^\n]*\n?/g;
  let current: { start: number; end: number; lines: string[]; line: number } | null = null;
  let lineNo = 0;
  let m: RegExpExecArray | null;
  while ((m = lineRe.exec(body)) && m[0].length > 0) {
    lineNo++;
    const raw = m[0].replace(/\n$/, '');
    const start = m.index;
    if (raw.trim() === '') {
      if (current) blocks.push({ kind: classify(current.lines), ...current });
      current = null;
      continue;
    }
    const end = start + raw.replace(/\s+$/, '').length;
    if (current) {
      current.lines.push(raw);
      current.end = end;
    } else {
      current = { start: start + (raw.length - raw.trimStart().length), end, lines: [raw], line: lineNo };
    }
  }
  if (current) blocks.push({ kind: classify(current.lines), ...current });
  return blocks;
}
