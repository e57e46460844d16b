import { agesText, triageConfirmCard, triageDangerCard, triageDescribeCard, triageResultCard, triageStartCard } from '../../cards/triage-cards';
import { MAX_CARD_BYTES } from '../../cards/limits';
import { validateCard } from '../../cards/validate';
import { emergencyContacts, suggestedQuestions } from '../../bot/triage/context';
import { parseAges } from '../../bot/triage/submissions';
import { indicatorGroups, loadTriageKnowledge, missingFacts, triage } from '../../knowledge/triage';
import { cardText, findNodes } from '../bot/helpers';

/** The cards on their own: every authority, every dev vignette, within Teams' limits and cited. */

const tk = loadTriageKnowledge();
const AUTHORITIES = Object.keys(tk.authorities);
const opts = { publicBaseUrl: 'https://policy.example.org', displayName: (id: string) => tk.authorities[id]?.name ?? id };
const DIALOG = 'dialog-id-0001';

const vignettes: string[] = [
  // Heavy on purpose: many indicators, rules, referrals and contacts at once.
  'Mum is 20 weeks pregnant. Her partner, a teacher, strangled her and threatened to kill her with a knife while the children aged 2 and 5 watched; the older one tried to stop him and was hurt. Third police call-out this year, DASH score 17, he breached his non-molestation order, and she has no recourse to public funds and needs an interpreter.',
  'Dad is outside the house right now banging on the door; the children are 4 and 8.',
  'She has no children. Her partner punched her and the DASH score is 16.',
  'Mum says her partner called her stupid during a row. No violence. The child is 11.',
  // The test's own examples of each pathway and common referral.
  'Police attended twice this year after shouting at the address; no injuries; the children are 6 and 9.',
  'Her new boyfriend has been convicted of assaulting a previous partner; she has a 3-year-old.',
  'The family are arranging for their 15-year-old daughter to marry a man abroad this summer.',
  'A football coach for the under-12s is being investigated for hitting his wife; they have a baby.',
  'Dad asks for help to stop shouting at his partner; the children are 5 and 10.',
  'An 80-year-old woman with no children at home says her son takes her pension and pushes her.',
  // Scale 3 with a young child and no violence: child in need, with child protection to consider.
  'He keeps her bank card and her wages; the children are 3 and 8.',
];

const bytes = (card: object) => Buffer.byteLength(JSON.stringify(card));

describe.each(AUTHORITIES)('%s', (authority) => {
  test('result cards validate, fit, and cite every pathway, referral, contact and step', () => {
    for (const description of vignettes) {
      const result = triage(tk, { authority, description });
      const card = triageResultCard({
        ...opts,
        dialogId: DIALOG,
        authorityName: opts.displayName(authority),
        result,
        scaleName: tk.matrix.scales.find((s) => s.scale === result.level)?.name,
        suggestions: suggestedQuestions(tk, result),
      }).content as Record<string, unknown>;
      expect(validateCard(card)).toEqual([]);
      expect(bytes(card)).toBeLessThanOrEqual(MAX_CARD_BYTES);
      const text = cardText(card);
      expect(text).toContain('Discuss with your manager and follow local procedures; this is guidance, not a decision.');
      // Each listed item ends with its source numbers, and every number is in the sources list.
      const items = findNodes(card, (n) => n.type === 'TextBlock' && typeof n.text === 'string' && /^(?:• |☐ )/.test(n.text));
      for (const item of items) expect(String(item.text)).toMatch(/\[\d+(?:, \d+)*\]$/);
      const sources = findNodes(card, (n) => n.type === 'TextBlock' && /^\[\d+\] /.test(String(n.text)));
      const cited = new Set(text.match(/\[\d+(?:, \d+)*\]/g)!.flatMap((m) => m.slice(1, -1).split(', ')));
      expect(sources.length).toBe(cited.size);
      expect(text).toContain(result.referrals.length ? 'Referrals' : 'Show why');
      // Every source is one compact line with its library link.
      for (const source of sources) expect(String(source.text)).toMatch(/· \[open\]\(https:\/\/policy\.example\.org\/tab\/library#.+\)$/);
    }
  });

  test('the 999 card: call 999, then the out-of-hours contacts, each cited', () => {
    const { police, contacts } = emergencyContacts(tk, authority);
    const card = triageDangerCard({
      ...opts,
      authority: { id: authority, name: opts.displayName(authority) },
      ...(police ? { police } : {}),
      contacts,
      disclaimer: tk.disclaimer,
    }).content as Record<string, unknown>;
    expect(validateCard(card)).toEqual([]);
    expect(police?.phone).toBe('999');
    const urls = findNodes(card, (n) => n.type === 'Action.OpenUrl').map((n) => String(n.url));
    expect(urls[0]).toBe('tel:999');
    const ooh = tk.authorities[authority]!.contacts.find((c) => c.outOfHours && /\d{5}/.test(c.outOfHours));
    if (ooh) expect(cardText(card)).toContain(ooh.outOfHours);
    expect(urls.some((u) => u.includes('/tab/library#'))).toBe(true);
  });
});

test('a young child without violence or injury: child in need, and "check before you act" says what would make it child protection', () => {
  const result = triage(tk, { authority: 'sutton', description: vignettes[vignettes.length - 1]! });
  expect(result.pathway).toBe('child-in-need');
  const card = triageResultCard({ ...opts, dialogId: DIALOG, authorityName: 'Sutton', result, scaleName: 'Serious', suggestions: [] }).content as Record<
    string,
    unknown
  >;
  expect(cardText(card)).toMatch(/Check before you act[\s\S]*can raise scale 3 to scale 4 \(child protection\)[\s\S]*discuss with your manager/);
});

test('the step cards validate, and remind users not to enter names', () => {
  const groups = indicatorGroups(tk);
  const reading = triage(tk, { authority: 'camden', description: vignettes[0]! });
  const cards = [
    triageStartCard({ dialogId: DIALOG, authorities: AUTHORITIES.map((id) => ({ id, name: opts.displayName(id) })), current: 'camden' }),
    triageDescribeCard({ dialogId: DIALOG, authorityName: 'Camden', danger: true }),
    triageConfirmCard({
      dialogId: DIALOG,
      authorityName: 'Camden',
      groups,
      ticked: reading.indicators.map((i) => i.id),
      checks: tk.checks,
      facts: { childAges: [2, 5], unborn: true, immediateDanger: false },
      missing: missingFacts(tk, { childAges: [], unborn: false, immediateDanger: false }),
    }),
  ].map((a) => a.content as Record<string, unknown>);
  for (const card of cards) {
    expect(validateCard(card)).toEqual([]);
    expect(bytes(card)).toBeLessThanOrEqual(MAX_CARD_BYTES);
  }
  expect(cardText(cards[0])).toMatch(/Do not enter names or any identifying details.*"mum".*"child aged 4"/);
  const [box] = findNodes(cards[1], (n) => n.id === 'description');
  expect(`${String(box!.label)} ${String(box!.placeholder)}`).toMatch(/no names/i);
  // Every indicator of every group is on the confirmation card, so any can be ticked.
  const choices = findNodes(cards[2], (n) => n.type === 'Input.ChoiceSet' && n.isMultiSelect === true);
  expect(choices).toHaveLength(5);
  expect(choices.flatMap((c) => (c.choices as { value: string }[]).map((x) => x.value)).sort()).toEqual(tk.indicators.map((i) => i.id).sort());
  for (const q of ['childAges', 'dashDone', 'dashScore', 'policeNotifications', ...tk.checks.map((c) => `check_${c.id}`)]) {
    expect(findNodes(cards[2], (n) => n.id === q)).toHaveLength(1);
  }
});

test('the ages box', () => {
  expect(parseAges('4, 9')).toEqual({ childAges: [4, 9], unborn: false });
  expect(parseAges('8 months and 3')).toEqual({ childAges: [0, 3], unborn: false });
  expect(parseAges('18-month-old, 5 years')).toEqual({ childAges: [1, 5], unborn: false });
  expect(parseAges('aged 2 & unborn')).toEqual({ childAges: [2], unborn: true });
  expect(parseAges('none')).toEqual({ childAges: [], unborn: false, noChildren: true });
  expect(parseAges('')).toBeUndefined();
  expect(parseAges('ten')).toHaveProperty('error');
  expect(parseAges('34')).toHaveProperty('error');
  expect(agesText({ childAges: [2, 5], unborn: true })).toBe('2, 5, unborn');
});
