/**
 * Display text for a passage: the verbatim slice with conversion debris removed
 * (markdown emphasis and links, HTML table cells, tab-separated cells, bullets tidied).
 * Only the display is cleaned; `text` stays verbatim for citation checks.
 */
export function cleanDisplay(raw: string): string {
  const lines = raw
    .replace(/\r/g, '')
    .replace(/<\/p>\s*\t\s*<p>/g, '</p> | <p>') // table cells side by side
    .replace(/\t+/g, ' | ')
    .replace(/<\/p>\s*<p>/g, '\n')
    .replace(/<\/?(?:p|i|b|em|strong|td|tr|br\s*\/?)>/gi, '')
    .replace(/\[([^\]]*)\]\((?:mailto:|tel:)?[^)]*\)/g, '$1')
    .replace(/<((?:https?:|mailto:)[^>\s]+)>/g, '$1')
    .replace(/\\([()[\]*_])/g, '$1')
    .replace(/\*\*|__/g, '')
    .replace(/(^|\s)\*([^*\n]+)\*(?=\s|[.,;:]|$)/g, '$1$2')
    .split('\n');
  const out: string[] = [];
  for (let line of lines) {
    line = line
      .replace(/^\s*#{1,6}\s+/, '')
      .replace(/^\s+[-*•▪◦❖►➢]\s+/, '\u00A0\u00A0◦ ')
      .replace(/^\s*[-*•▪◦❖►➢]\s+/, '• ')
      .replace(/^(\s*)\|\s*|\s*\|\s*$/g, '$1');
    line = line.replace(/ +/g, ' ').replace(/\s+$/, '');
    line = line.replace(/^(?:\s*-{2,}\s*\|)+\s*(?:-{2,}\s*)?/, '').replace(/(?:\|\s*-{2,}\s*)+$/, '');
    if (/^[\s|-]*$/.test(line)) continue;
    if (line.trim()) out.push(line.startsWith('\u00A0') ? line : line.trim());
  }
  // Lines that only wrap a sentence are joined back; list items and cells keep their own line.
  const joined: string[] = [];
  for (const line of out) {
    const prev = joined[joined.length - 1];
    const startsItem = /^(•|\d{1,2}[.)]\s|[IVX]{1,4}\.\s|[A-Z][\w ]{0,20}:)/.test(line);
    if (prev !== undefined && !startsItem && /[a-z,(–-]$/.test(prev) && /^[a-z(]/.test(line)) {
      joined[joined.length - 1] = `${prev} ${line}`;
    } else joined.push(line);
  }
  return joined.join('\n');
}

/** Fold whitespace: the form in which passages are verbatim slices of their source. */
export function foldWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
