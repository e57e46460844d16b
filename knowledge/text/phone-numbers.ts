/**
 * Phone numbers as written in contact data ("020 7974 8832 / 020 7974 8791", "0345 6042886
 * (Emergency Duty Team)"), and whether each is a whole number someone can dial: a document that
 * prints "Tel: 0208" has lost the rest, and a truncated number must never become a call button.
 */
const NUMBER_RE = /\+?\d[\d ]*\d(?:\s*\(([^()\d]{1,40})\))?/g;

/** A UK number a phone can dial: 10–11 digits from 0 (or +44), freephone short forms, 999/101/111/112, 116 xxx. */
export function isDialable(number: string): boolean {
  const d = number.replace(/[^\d+]/g, '').replace(/^\+44/, '0');
  return /^0\d{9,10}$/.test(d) || /^(?:999|101|111|112)$/.test(d) || /^116\d{3}$/.test(d) || /^0800\d{4,7}$/.test(d);
}

/** Every number-like run in a field, with the note in brackets after it, dialable or not. */
export function numbersIn(text: string): { number: string; note?: string; dialable: boolean }[] {
  const found: { number: string; note?: string; dialable: boolean }[] = [];
  for (const m of text.matchAll(NUMBER_RE)) {
    const number = m[0].replace(/\s*\([^)]*\)$/, '').trim();
    if (number.replace(/\D/g, '').length < 3) continue;
    const note = m[1]?.trim();
    found.push({ number, dialable: isDialable(number), ...(note ? { note } : {}) });
  }
  return found;
}
