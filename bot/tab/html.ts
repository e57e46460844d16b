/**
 * Tiny HTML helpers for the server-rendered tab pages. Every piece of text goes through `esc`
 * (or `attr`), and pages are assembled from `Html` values so raw strings are never mixed in
 * by accident.
 */

/** HTML that has already been escaped or built from escaped parts. */
export interface Html {
  readonly __html: string;
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function esc(text: unknown): string {
  return String(text ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

export function raw(html: string): Html {
  return { __html: html };
}

type Part = Html | string | number | false | null | undefined | readonly Part[];

function render(part: Part): string {
  if (part === false || part === null || part === undefined) return '';
  if (Array.isArray(part)) return (part as readonly Part[]).map(render).join('');
  if (typeof part === 'object') return (part as Html).__html;
  return esc(part);
}

/** Tagged template: interpolated strings and numbers are escaped, Html values and arrays of them are not. */
export function html(strings: TemplateStringsArray, ...parts: Part[]): Html {
  let out = strings[0] ?? '';
  parts.forEach((p, i) => {
    out += render(p) + (strings[i + 1] ?? '');
  });
  return raw(out);
}

export function join(parts: readonly Part[], sep = ''): Html {
  return raw(parts.map(render).join(sep));
}

/** Lower-case slug for ids built from data (glossary terms, authority sections). */
export function slug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/['’]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'x'
  );
}

/** "honour-based-abuse-forced-marriage" → "Honour based abuse forced marriage" for ids without a label. */
export function humanize(id: string): string {
  const words = id.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A dialable `tel:` target: digits and a leading plus only. Undefined when it is not a phone number. */
export function telHref(phone: string): string | undefined {
  const trimmed = phone.trim();
  const digits = trimmed.replace(/[^\d+]/g, '').replace(/(?!^)\+/g, '');
  return digits.replace(/\D/g, '').length >= 3 ? `tel:${digits}` : undefined;
}

// UK-style numbers inside free text: "0300 123 4567", "020 8770 5000", "+44 20 …", "999", "101".
const PHONE_IN_TEXT = /(?:\+44\s?|\b0)\d{2,4}(?:[\s-]?\d{2,4}){1,3}\b|\b(?:999|101|111)\b/g;

/** Escapes text and turns phone numbers in it into tap-to-call links. */
export function linkPhones(text: string): Html {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(PHONE_IN_TEXT)) {
    const at = m.index ?? 0;
    const href = telHref(m[0]);
    out += esc(text.slice(last, at));
    out += href ? `<a href="${esc(href)}">${esc(m[0])}</a>` : esc(m[0]);
    last = at + m[0].length;
  }
  return raw(out + esc(text.slice(last)));
}
