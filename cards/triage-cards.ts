import type { Attachment } from 'botbuilder';
import type { IndicatorGroupView } from '../knowledge/triage';
import type { Level, MissingFactQuestion, Pathway, PathwayCheck, TriageCitation, TriageFacts, TriageResult } from '../knowledge/triage/types';
import { citationLine, libraryUrl } from './citation-text';
import { contactLinks, type CitedContact } from './contact-view';
import { renderCard, type CardJson } from './render';
import confirmTemplate from './triage-confirm.json';
import dangerTemplate from './triage-danger.json';
import describeTemplate from './triage-describe.json';
import resultTemplate from './triage-result.json';
import startTemplate from './triage-start.json';
import { MAX_CARD_BYTES } from './limits';

/**
 * The triage dialog's cards: bind plain data (from the triage engine and the dialog) to the
 * cards/triage-*.json templates. Every card carries the dialog id in its buttons' data, so an
 * old card, or someone else's, is recognised when it comes back.
 */

/** The line every triage result and emergency card carries. */

export interface CitationLinkOptions {
  /** Base of the library tab links, without a trailing slash. */
  publicBaseUrl: string;
  /** Display name for an authority id. */
  displayName: (id: string) => string;
}

/**
 * Numbered sources: each item on a card says which sources back it ("[1, 3]"), listed once at
 * the end. A source is a document section (what the library link opens), so passages of the same
 * section share a number.
 */
class SourceList {
  private readonly numbers = new Map<string, number>();
  readonly sources: { text: string; url: string }[] = [];

  constructor(private readonly opts: CitationLinkOptions) {}

  refs(citations: readonly TriageCitation[]): string {
    const ns = new Set<number>();
    for (const c of citations) {
      const key = `${c.docId}#${c.anchor}`;
      let n = this.numbers.get(key);
      if (n === undefined) {
        n = this.sources.length + 1;
        this.numbers.set(key, n);
        const line = citationLine(c, this.opts.displayName).replace(/^Source: /, '');
        const extra = [c.note, c.reviewOverdue ? 'review date has passed: check it is still current' : undefined].filter(Boolean);
        this.sources.push({
          text: `[${n}] ${line}${extra.length ? ` (${extra.join('; ')})` : ''}`,
          url: libraryUrl(this.opts.publicBaseUrl, c.anchor),
        });
      }
      ns.add(n);
    }
    return ns.size ? `[${[...ns].sort((a, b) => a - b).join(', ')}]` : '';
  }
}

function contactView(c: CitedContact, sources: SourceList) {
  const name = c.name?.trim() ?? '';
  const title = !name || c.role.toLowerCase().includes(name.toLowerCase()) ? c.role : `${name} (${c.role})`;
  const details = [
    c.phone && `Phone: ${c.phone}`,
    c.email && `Email: ${c.email}`,
    c.hours && `Hours: ${c.hours}`,
    c.outOfHours && `Out of hours: ${c.outOfHours}`,
  ].filter(Boolean) as string[];
  const links = contactLinks(c);
  const refs = sources.refs(c.citations);
  return {
    title,
    hasDetails: true,
    details: `${details.join(' · ')}${details.length ? ' ' : ''}Source ${refs}`,
    hasLinks: links.length > 0,
    links,
  };
}

// ---- step 1 ------------------------------------------------------------------------------------

export interface StartCardInput {
  dialogId: string;
  authorities: readonly { id: string; name: string }[];
  /** The remembered authority, pre-selected. */
  current?: string;
}

export function triageStartCard(input: StartCardInput): Attachment {
  return renderCard(startTemplate, {
    dialogId: input.dialogId,
    authorities: input.authorities.map(({ id, name }) => ({ id, name })),
    authority: input.current ?? '',
  });
}

// ---- 999 -------------------------------------------------------------------------------------

export interface DangerCardInput extends CitationLinkOptions {
  authority: { id: string; name: string };
  /** The national 999 contact, for its citation. */
  police?: CitedContact;
  /** The authority's out-of-hours and emergency-route contacts. */
  contacts: readonly CitedContact[];
  /** The triage knowledge's disclaimer (manager, local procedures, guidance not a decision). */
  disclaimer: string;
}

export function triageDangerCard(input: DangerCardInput): Attachment {
  const sources = new SourceList(input);
  const policeRefs = input.police ? sources.refs(input.police.citations) : '';
  const contacts = input.contacts.map((c) => contactView(c, sources));
  return renderCard(dangerTemplate, {
    policeLine: `Police: 999, 24 hours.${policeRefs ? ` Source ${policeRefs}` : ''}`,
    hasContacts: contacts.length > 0,
    contactsHeading: input.contacts.some((c) => c.outOfHours || /out of hours/i.test(`${c.role} ${c.hours ?? ''}`))
      ? `Then, ${input.authority.name} (including out of hours)`
      : `Then, ${input.authority.name}. Its documents give no out-of-hours number: out of hours, use your authority's emergency duty team.`,
    contacts,
    noContacts: contacts.length === 0,
    noContactsText: `I don't hold an out-of-hours number for ${input.authority.name}. Use your authority's emergency duty team.`,
    sources: sources.sources,
    disclaimer: input.disclaimer,
  });
}

// ---- step 2 ------------------------------------------------------------------------------------

export interface DescribeCardInput {
  dialogId: string;
  authorityName: string;
  danger: boolean;
}

export function triageDescribeCard(input: DescribeCardInput): Attachment {
  return renderCard(describeTemplate, {
    dialogId: input.dialogId,
    authorityLine: `Authority: ${input.authorityName}`,
    danger: input.danger,
  });
}

// ---- step 3 ------------------------------------------------------------------------------------

/** The input id of a group's multi-select on the confirmation card. */
export const groupInputId = (group: string): string => `ind_${group}`;
/** The input id of a pathway-changing question on the confirmation card. */
export const checkInputId = (check: string): string => `check_${check}`;

export interface ConfirmCardInput {
  dialogId: string;
  authorityName: string;
  groups: readonly IndicatorGroupView[];
  /** Indicator ids to show ticked (those read from the description). */
  ticked: readonly string[];
  /** Of those, the ones suggested by meaning alone: marked "suggested: please confirm". */
  suggested?: readonly string[];
  /** The questions that change the pathway (Yes / No / Don't know). */
  checks?: readonly PathwayCheck[];
  facts: Partial<TriageFacts>;
  /** Questions the description did not answer (knowledge/triage missingFacts). */
  missing: readonly MissingFactQuestion[];
}

/** "4, 9, unborn" from the facts, for the ages box. */
export function agesText(facts: Partial<TriageFacts>): string {
  const parts = (facts.childAges ?? []).map(String);
  if (facts.unborn) parts.push('unborn');
  if (!parts.length && facts.noChildren) parts.push('none');
  return parts.join(', ');
}

const yesNo = (v: boolean | undefined) => (v === undefined ? 'unknown' : v ? 'yes' : 'no');

/**
 * The confirmation card: every indicator by group (groups with nothing read start collapsed),
 * those read from the description ticked, and the facts the rules need. Its number inputs have
 * no min/max on purpose: the Adaptive Cards renderer then refuses to submit an empty box (an
 * empty number is NaN, which fails the range check). The bot checks the ranges instead.
 */
export function triageConfirmCard(input: ConfirmCardInput): Attachment {
  const ticked = new Set(input.ticked);
  const suggested = new Set(input.suggested ?? []);
  const labels: string[] = [];
  const hints: string[] = [];
  const groups = input.groups.map((g) => {
    const on = g.indicators.filter((i) => ticked.has(i.id));
    labels.push(...on.filter((i) => !suggested.has(i.id)).map((i) => i.label));
    hints.push(...on.filter((i) => suggested.has(i.id)).map((i) => i.label));
    return {
      heading: on.length ? `${g.title} · ${on.length} ticked` : g.title,
      collapsed: on.length === 0,
      expanded: on.length > 0,
      containerId: `group-${g.group}`,
      inputId: groupInputId(g.group),
      label: 'Tick all that apply',
      value: on.map((i) => i.id).join(','),
      choices: g.indicators.map((i) => ({ id: i.id, title: suggested.has(i.id) ? `${i.label} (suggested: please confirm)` : i.label })),
    };
  });
  // Never pre-answered: the ticks above say what was read; an answer here is the practitioner's own.
  const checks = (input.checks ?? []).map((c) => {
    const read = c.indicators.some((id) => ticked.has(id)) || (c.fact === 'unborn' && input.facts.unborn === true);
    return { inputId: checkInputId(c.id), label: `${c.text}${c.severe ? ' *' : ''}${read ? ' (your description suggests yes)' : ''}`, value: '' };
  });
  const missing = new Set(input.missing.map((q) => q.fact));
  const question = (fact: string, fallback: string) => {
    const q = input.missing.find((m) => m.fact === fact)?.text ?? fallback;
    return missing.has(fact) ? `${q} (not in your description)` : q;
  };
  const f = input.facts;
  return renderCard(confirmTemplate, {
    dialogId: input.dialogId,
    authorityLine: `Authority: ${input.authorityName}`,
    summary: [
      labels.length
        ? `I read ${labels.length === 1 ? 'this indicator' : `these ${labels.length} indicators`}: ${labels.join('; ')}.`
        : hints.length
          ? ''
          : "I didn't recognise any indicators in the description. Tick those that apply.",
      hints.length ? `Suggested from the meaning of your description, please confirm: ${hints.join('; ')}. They count until you untick them.` : '',
    ]
      .filter(Boolean)
      .join(' '),
    groups,
    hasChecks: checks.length > 0,
    checks,
    factsIntro: 'Answer what you can; anything I read from your description is filled in already.',
    questions: {
      childAges: question('childAges', 'How old are the children in the household (and is anyone pregnant)?'),
      specialNeeds: question('specialNeeds', 'Does any child have special needs or a disability?'),
      dash: question('dashScore', 'Has a SafeLives DASH risk checklist been done?'),
      policeNotifications: question('policeNotifications', 'How many police notifications or call-outs for domestic abuse in the last 12 months?'),
    },
    facts: {
      childAges: agesText(f),
      specialNeeds: yesNo(f.specialNeeds),
      dashDone: f.dashScore !== undefined ? 'yes' : 'no',
      dashScore: f.dashScore ?? null,
      policeNotifications: f.policeNotifications ?? null,
    },
  });
}

// ---- result --------------------------------------------------------------------------------------

const PATHWAY_TITLES: Record<Pathway, string> = {
  emergency: 'Emergency: call 999 now, then children’s services (out of hours: the emergency duty team)',
  'child-protection': 'Child protection: s47 enquiry and strategy meeting',
  'child-in-need': 'Child in need: s17 assessment',
  'early-help': 'Early help',
  'adult-services': 'Adult routes: no child in the household',
};

const PATHWAY_STYLES: Record<Pathway, string> = {
  emergency: 'attention',
  'child-protection': 'attention',
  'child-in-need': 'warning',
  'early-help': 'accent',
  'adult-services': 'accent',
};

export interface Suggestion {
  title: string;
  question: string;
}

export interface ResultCardInput extends CitationLinkOptions {
  dialogId: string;
  authorityName: string;
  result: TriageResult;
  /** The matrix scale's name ("Severe") for result.level. */
  scaleName?: string;
  /** Policy questions in the context of this result (for "Ask a question about this"). */
  suggestions: readonly Suggestion[];
}

function capitalise(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}

function scaleLine(level: Level | null, name?: string): string {
  if (level === null) return "Barnardo's matrix: no scale (adult routes: no child in the household)";
  return `Barnardo's matrix: scale ${level} of 4${name ? ` (${name})` : ''}`;
}

/** Steps to make a card fit: each drops detail that the library link still gives. */
type Trim = 'none' | 'services' | 'shortReasons' | 'noLinks';

/**
 * How soon a step's timescale asks for it, most urgent first: the words are the ones the
 * knowledge files use for timescales ("now", "today", "within 48 hours", "within 45 working days").
 */
export function urgencyOf(timescale: string | undefined): number {
  if (!timescale) return 100;
  const t = timescale.toLowerCase();
  if (/\b(?:now|immediately|at once|without delay|straight after)\b/.test(t)) return 0;
  if (/\b(?:today|same day|promptly|at first contact)\b/.test(t)) return 1;
  const m = /(\d+)\s*(hours?|working days?|days?|weeks?|months?)/.exec(t) ?? /\b(one|two|three)\s+(working days?|days?|weeks?)/.exec(t);
  if (m) {
    const n = Number(m[1]) || ({ one: 1, two: 2, three: 3 } as Record<string, number>)[m[1]!] || 1;
    const unit = m[2]!;
    const hours = unit.startsWith('hour')
      ? n
      : unit.startsWith('working')
        ? n * 24
        : unit.startsWith('day')
          ? n * 24
          : unit.startsWith('week')
            ? n * 168
            : n * 720;
    return 2 + Math.log10(hours + 1);
  }
  return 50;
}

/** Each reason once: a grading note names the indicator and the level, not the sources again. */
function reasonLines(r: TriageResult, sources: SourceList, short: (s: string, max: number) => string): { text: string }[] {
  const seen = new Set<string>();
  const out: { text: string }[] = [];
  for (const x of r.reasons) {
    if (x.kind === 'pathway') continue;
    const text =
      x.kind === 'grading' ? x.text.replace(/: graded differently \(.*\)\. The higher/, ': graded differently by the sources above; the higher') : x.text;
    if (seen.has(text)) continue;
    seen.add(text);
    out.push({ text: `• ${short(text, 220)} ${sources.refs(x.citations)}` });
  }
  return out;
}

function resultData(input: ResultCardInput, trim: Trim): CardJson {
  const r = input.result;
  const sources = new SourceList(input);
  const short = (s: string, max: number) => ((trim === 'shortReasons' || trim === 'noLinks') && s.length > max ? `${s.slice(0, max - 1).trimEnd()}…` : s);
  // Pathway, referrals, contacts and steps are numbered first: their sources lead the list.
  const pathwayReason = r.reasons.find((x) => x.kind === 'pathway');
  const routeText = `${short(pathwayReason?.text.replace(/^Pathway: [^.]*\.\s*/, '') ?? '', 400)} ${sources.refs(pathwayReason?.citations ?? [])}`.trim();
  const referrals = r.referrals.map((x) => ({ text: `• **${x.label}**${x.why ? `: ${x.why}` : ''} ${sources.refs(x.citations)}` }));
  const contacts = r.contacts.map((c) => {
    const v = contactView(c, sources);
    return trim === 'noLinks' ? { ...v, hasLinks: false, links: [] } : v;
  });
  const steps = [...r.nextSteps]
    .map((s, i) => ({ s, i }))
    .sort((a, b) => urgencyOf(a.s.timescale) - urgencyOf(b.s.timescale) || a.i - b.i)
    .map(({ s }) => ({ text: `☐ ${s.timescale ? `**${capitalise(s.timescale)}:** ` : ''}${s.text} ${sources.refs([s.citation])}` }));
  const services =
    trim === 'none'
      ? r.services.map((s) => ({
          text: `• ${s.name}${[s.phone, s.web].filter(Boolean).length ? `: ${[s.phone, s.web].filter(Boolean).join(' · ')}` : ''} ${sources.refs([s.citation])}`,
        }))
      : [];
  const reasons = reasonLines(r, sources, short);
  const indicators = r.indicators.map((i) => i.label);
  const mustCheck = [
    ...r.mustCheck.map((m) => ({
      text: `• ${m.text} You answered "don't know". If the answer is yes, this becomes ${PATHWAY_TITLES[m.ifYes.pathway].split(':')[0]!.toLowerCase()}${m.ifYes.level ? ` (scale ${m.ifYes.level})` : ''}.`,
    })),
    ...(r.consider ? [{ text: `• ${r.consider} ${sources.refs(r.reasons.find((x) => x.text === r.consider)?.citations ?? [])}` }] : []),
  ];
  return {
    dialogId: input.dialogId,
    heading: `Triage result · ${input.authorityName}`,
    pathwayTitle: PATHWAY_TITLES[r.pathway],
    pathwayStyle: PATHWAY_STYLES[r.pathway],
    scaleLine: scaleLine(r.level, input.scaleName),
    routeText,
    disclaimer: r.disclaimer,
    hasMustCheck: mustCheck.length > 0,
    mustCheck,
    indicatorsLine: indicators.length ? `Indicators you confirmed: ${indicators.join('; ')}.` : 'No indicators were ticked.',
    reasons,
    hasMissing: r.missingFacts.length > 0,
    missingLine: `Not known yet (answering these may change the result): ${r.missingFacts.map((q) => q.text).join(' ')}`,
    hasReferrals: referrals.length > 0,
    referrals,
    hasContacts: contacts.length > 0,
    contacts,
    hasSteps: steps.length > 0,
    steps,
    hasServices: services.length > 0,
    services,
    sources: sources.sources.map((x) => ({ text: `${x.text} · [open](${x.url})` })),
    suggestions: input.suggestions,
  };
}

/**
 * The result card, read in twenty seconds: pathway and matrix scale, the disclaimer, anything
 * to check before acting, then referrals, contacts (tap to call, email) and next steps (most
 * urgent first); the reasoning, once each, behind "Show why"; sources as a compact numbered list
 * with library links; "Ask a question about this" and "Start again". Kept under Teams' size limit by dropping detail in
 * steps (services, then long reasons shortened, then contact buttons), never the pathway,
 * referrals, contacts, steps or sources.
 */
export function triageResultCard(input: ResultCardInput): Attachment {
  let card: Attachment | undefined;
  for (const trim of ['none', 'services', 'shortReasons', 'noLinks'] as const) {
    card = renderCard(resultTemplate, resultData(input, trim));
    if (Buffer.byteLength(JSON.stringify(card.content)) <= MAX_CARD_BYTES) return card;
  }
  return card!;
}
