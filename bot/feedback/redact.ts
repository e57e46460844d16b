/**
 * Redaction of a question a practitioner chose to share with the champions: names after a
 * relation word ("mum Sarah", "my client J Smith", "a child called …"), titles ("Mrs Jones"),
 * UK phone numbers, emails, dates (of birth and any full date), postcodes, National Insurance
 * numbers, house-number-and-street addresses and any other run of seven or more digits. It knows
 * no names and reads no knowledge: it removes what has the shape of an identifier and keeps the
 * policy words around it. Nothing in it is perfect, so what it returns is still kept only when the
 * user asked for it to be shared.
 */

/** The longest shared question kept, after redaction. */
export const MAX_SHARED_QUESTION = 500;

const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const DAY = '\\d{1,2}(?:st|nd|rd|th)?';

/** Full dates in the forms people type. */
const DATES: RegExp[] = [
  /\b\d{4}-\d{1,2}-\d{1,2}\b/g,
  /\b\d{1,2}\s?[/.-]\s?\d{1,2}\s?[/.-]\s?(?:\d{4}|\d{2})\b/g,
  new RegExp(`\\b${DAY}(?:\\s+of)?\\s+${MONTH}\\.?,?\\s+(?:\\d{4}|'?\\d{2})\\b`, 'gi'),
  new RegExp(`\\b${MONTH}\\.?\\s+${DAY},?\\s+\\d{4}\\b`, 'gi'),
];
/** A month and year, or a year, after "born", "DOB" or "date of birth" (the words are kept). */
const BORN_IN = new RegExp(`(\\b(?:born(?:\\s+(?:on|in))?|d\\.?o\\.?b\\.?|date\\s+of\\s+birth)[:\\s-]+)(?:${MONTH}\\.?\\s+)?\\d{4}\\b`, 'gi');

const EMAIL = /[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
/** National Insurance number: two letters, six digits, a letter (spaces optional). */
const NI_NUMBER = /\b[A-Z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b/gi;
/** +44 / 0044 / 0 followed by nine or ten more digits, with spaces, dots, hyphens or brackets between. */
const UK_PHONE = /(?:(?:\+|\b00)\s?44\s?(?:\(0\)\s?)?|\(?\b0)\d(?:[\s().-]{0,2}\d){8,9}\b/g;
/** Anything else with seven or more digits in a row, give or take separators: case, NHS, account numbers. */
const LONG_NUMBER = /\+?\d(?:[\s()./-]{0,2}\d){6,}/g;
/** A full UK postcode (outward and inward code), with or without the space. */
const POSTCODE = /\b(?:GIR\s?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?\s?\d[ABD-HJLNP-UW-Z]{2})\b/gi;

/** Street words that are rarely anything else, so a lower-case street name is enough. */
const STREET_PLAIN = '(?:road|rd|street|st|avenue|ave|lane|ln|crescent|cres|terrace|gardens|mews|boulevard|drive|grove)';
/** Street words that are ordinary English too ("3 children close by"), so the street name must be capitalised. */
const STREET_CAPITAL = '(?:Close|Way|Walk|Court|Ct|Place|Pl|Park|Green|View|Rise|Row|Hill|Square|Parade|Mount|Croft|Wharf|Yard)';
const ADDRESSES: RegExp[] = [
  new RegExp(`\\b\\d{1,4}[a-z]?,?\\s+(?:[\\p{L}'’-]+\\s+){1,3}${STREET_PLAIN}\\b\\.?`, 'giu'),
  new RegExp(`\\b\\d{1,4}[a-z]?,?\\s+(?:\\p{Lu}[\\p{L}'’-]*\\s+){1,3}${STREET_CAPITAL}\\b`, 'gu'),
  /\b(?:flat|apartment|apt|house|unit)\s+(?:no\.?\s*)?\d{1,4}[a-z]?\b/gi,
];

/** A pattern that matches its letters in either case, so it can sit in a case-sensitive pattern. */
function anyCase(pattern: string): string {
  return pattern.replace(/(?<!\\)[a-z]/g, (c) => `[${c}${c.toUpperCase()}]`);
}

/** Words a name follows: family and case roles, and "called", "named", "name is". */
const RELATION =
  "(?:mum|mummy|mother|mam|dad|daddy|father|step-?(?:mum|dad|father|mother)|my\\s+client|client|service\\s+user|child|son|daughter|baby|brother|sister|nan|nana|gran|grandma|grandad|grandfather|grandmother|aunt|aunty|auntie|uncle|cousin|partner|ex-?partner|boyfriend|girlfriend|husband|wife|ex|victim|perpetrator|young\\s+person|yp|sibling|carer|foster\\s+carer)(?:'s)?";
const TITLE = anyCase('(?:mr|mrs|ms|miss|mx|dr)') + '\\.?';
/** A capitalised word or an initial. */
const NAME_WORD = "\\p{Lu}(?:[\\p{Ll}'’-]+\\p{L}*|\\.|(?=[\\s,.;:!?)]|$))";
const AFTER_RELATION = new RegExp(`(\\b${anyCase(RELATION)}(?:\\s*[,:-]\\s*|\\s+(?:is\\s+|was\\s+)?))((?:${NAME_WORD})(?:\\s+${NAME_WORD}){0,2})`, 'gu');
const AFTER_TITLE = new RegExp(`\\b${TITLE}\\s+${NAME_WORD}(?:[\\s-]+${NAME_WORD}){0,1}`, 'gu');
/** After "called" or "named" any word is a name, capitalised or not. */
const AFTER_CALLED = new RegExp(`(\\b${anyCase('(?:called|named|name\\s+is|known\\s+as)')}\\s+)([\\p{L}'’-]+(?:\\s+\\p{Lu}[\\p{L}'’-]*)?)`, 'gu');

/** Capitalised words that follow a relation word without being a name ("mum Has", "dad The"). */
const NOT_NAMES = new Set(
  (
    'i he she they we you it his her their our my your the a an and but or so if is was has had have does did do says said ' +
    'told wants wanted will would can could should may might must who which what when where why how that this these those not ' +
    'to in on at of for with from by about after before because also just then there here now today yesterday tomorrow'
  ).split(' '),
);

function nameOrKeep(match: string, lead: string, name: string): string {
  const first = name.split(/\s+/)[0] ?? '';
  if (NOT_NAMES.has(first.toLowerCase()) || /^\p{Lu}{2,}$/u.test(first)) return match;
  return `${lead}[name]`;
}

function replaceAll(text: string, patterns: readonly RegExp[], placeholder: string): string {
  return patterns.reduce((t, p) => t.replace(p, placeholder), text);
}

/** The text with identifying details replaced by [name], [phone], [email], [date], [postcode], [address] or [number]. */
export function redact(text: string): string {
  let out = text.replace(EMAIL, '[email]');
  out = replaceAll(out, DATES, '[date]').replace(BORN_IN, '$1[date]');
  out = out.replace(NI_NUMBER, '[number]');
  out = out.replace(UK_PHONE, '[phone]');
  out = out.replace(LONG_NUMBER, '[number]');
  out = out.replace(POSTCODE, '[postcode]');
  out = replaceAll(out, ADDRESSES, '[address]');
  out = out.replace(AFTER_TITLE, '[name]');
  out = out.replace(AFTER_CALLED, (_m, lead: string) => `${lead}[name]`);
  out = out.replace(AFTER_RELATION, (m, lead: string, name: string) => nameOrKeep(m, lead, name));
  return out;
}

/** A question as it may be kept when shared: redacted, whitespace collapsed, at most MAX_SHARED_QUESTION characters. */
export function redactQuestion(text: string): string {
  const out = redact(text.replace(/\s+/g, ' ').trim());
  return out.length <= MAX_SHARED_QUESTION ? out : `${out.slice(0, MAX_SHARED_QUESTION - 1).trimEnd()}…`;
}
