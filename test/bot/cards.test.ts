import { readFileSync } from 'node:fs';
import type { Attachment } from 'botbuilder';
import { answerCard, declineCard, highlightSegments, resultCard, type AnswerCardOptions } from '../../cards/answer-card';
import { formatIssued } from '../../cards/citation-text';
import { helpCard, setAuthorityCard, welcomeCard } from '../../cards/bot-cards';
import { validateCard } from '../../cards/validate';
import type { AnswerResult, RankedAnswer } from '../../bot/engine';
import { cardText, engine, findNodes } from './helpers';

const authorities = engine().authorities;
const [first, second] = authorities;
const names = new Map(authorities.map((a) => [a.id, a.name]));
const opts: AnswerCardOptions = {
  publicBaseUrl: 'https://policy.example.org',
  authorityName: (id) => names.get(id) ?? id,
  hasAuthority: true,
};

function ranked(i: number, over: Partial<RankedAnswer['citation']> = {}, authority = first!.id): RankedAnswer {
  const display = `Passage ${i} opening words. Cases at high risk must be referred to MARAC within 48 hours. Closing words ${i}.`;
  return {
    score: 10 - i,
    highlights: ['Cases at high risk must be referred to MARAC within 48 hours.'],
    passage: {
      id: `doc-${i}#${i}`,
      docId: `doc-${i}`,
      sectionPath: ['4 Thresholds', '4.2 MARAC'],
      section: '4 Thresholds › 4.2 MARAC',
      anchor: `doc-${i}--4-2-marac`,
      text: display,
      display,
      ordinal: i,
    },
    citation: {
      docId: `doc-${i}`,
      passageId: `doc-${i}#${i}`,
      title: `Document ${i} Protocol`,
      publisher: 'Publisher',
      authorities: [authority],
      section: '4 Thresholds › 4.2 MARAC',
      anchor: `doc-${i}--4-2-marac`,
      issued: '2019-03',
      reviewDue: '2021-03-31',
      reviewOverdue: false,
      national: false,
      ...over,
    },
  };
}

const fullResult: AnswerResult = {
  answered: true,
  authority: first!.id,
  comparing: [],
  results: [ranked(0, { reviewOverdue: true, supersededNote: 'DVPOs are being replaced by DAPOs.' }), ranked(1), ranked(2), ranked(3)],
  followUps: ['What is a DASH risk assessment?', 'Who chairs the MARAC meeting and how often does it meet in this area of the country?'],
  glossary: [{ term: 'MARAC', expansion: 'Multi-Agency Risk Assessment Conference' }],
};

function content(a: Attachment): Record<string, unknown> {
  expect(a.contentType).toBe('application/vnd.microsoft.card.adaptive');
  return a.content as Record<string, unknown>;
}

describe('answer card', () => {
  const card = content(answerCard(fullResult, opts));

  test('validates with no errors', () => {
    expect(validateCard(card)).toEqual([]);
  });

  test('shows the best passage verbatim, with the answering sentence in bold', () => {
    const runs = findNodes(card, (n) => n.type === 'TextRun');
    const best = fullResult.results[0]!.passage.display;
    const bestRuns = runs.slice(0, 3);
    expect(bestRuns.map((r) => r.text).join('')).toBe(best);
    expect(bestRuns.filter((r) => r.weight === 'Bolder').map((r) => r.text)).toEqual(fullResult.results[0]!.highlights);
  });

  test('cites title, authority, section and issue date, and warns when the review date has passed', () => {
    const text = cardText(card);
    expect(text).toContain(`Source: Document 0 Protocol · ${first!.name} · 4 Thresholds › 4.2 MARAC · issued March 2019`);
    expect(text).toContain('was due for review in 31 March 2021');
    expect(text).toContain('Note: DVPOs are being replaced by DAPOs.');
    expect(text).toContain('Guidance, not a decision');
  });

  test('offers two more passages behind a toggle, collapsed unless comparing', () => {
    const [more] = findNodes(card, (n) => n.id === 'more-passages');
    expect(more?.isVisible).toBe(false);
    expect(cardText(more)).toContain('Passage 1 opening');
    expect(cardText(more)).toContain('Passage 2 opening');
    expect(cardText(more)).not.toContain('Passage 3 opening');
    const [toggle] = findNodes(card, (n) => n.type === 'Action.ToggleVisibility');
    expect(toggle?.targetElements).toEqual(['more-passages']);
  });

  test('follow-ups are buttons that send the question; long titles are shortened', () => {
    const asks = findNodes(card, (n) => n.type === 'Action.Submit' && (n.data as { verb?: string })?.verb === 'ask');
    expect(asks.map((a) => (a.data as { question: string }).question)).toEqual(fullResult.followUps);
    // Plain submits the bot handles: the Agents Playground's renderer throws on msteams imBack data.
    expect(asks.every((a) => !('msteams' in (a.data as object)))).toBe(true);
    expect((asks[1]!.title as string).length).toBeLessThanOrEqual(60);
  });

  test('links to the library tab at the passage anchor and explains acronyms', () => {
    const [open] = findNodes(card, (n) => n.type === 'Action.OpenUrl');
    expect(open?.url).toBe('https://policy.example.org/tab/library#doc-0--4-2-marac');
    expect(cardText(card)).toContain('Multi-Agency Risk Assessment Conference');
  });

  test('a minimal answer has no toggle, warning, follow-ups or authority prompt', () => {
    const minimal = content(answerCard({ answered: true, comparing: [], results: [ranked(0)], followUps: [] }, opts));
    expect(validateCard(minimal)).toEqual([]);
    expect(findNodes(minimal, (n) => n.type === 'Action.ToggleVisibility')).toEqual([]);
    expect(findNodes(minimal, (n) => n.type === 'Action.Submit')).toEqual([]);
    expect(cardText(minimal)).not.toContain('due for review');
  });

  test('without an authority it suggests setting one', () => {
    const c = content(answerCard(fullResult, { ...opts, hasAuthority: false }));
    expect(validateCard(c)).toEqual([]);
    expect(findNodes(c, (n) => (n.data as { verb?: string } | undefined)?.verb === 'showSetAuthority')).toHaveLength(1);
  });

  test('a comparison names the authorities and shows the other passages open', () => {
    const c = content(answerCard({ ...fullResult, comparing: [first!.id, second!.id], results: [ranked(0), ranked(1, {}, second!.id)] }, opts));
    expect(validateCard(c)).toEqual([]);
    expect(cardText(c)).toContain(`Comparing ${first!.name} and ${second!.name}`);
    expect(findNodes(c, (n) => n.id === 'more-passages')[0]?.isVisible).toBe(true);
  });

  test("when the asker's own documents do not answer, the card says the passage is from elsewhere", () => {
    const own = content(answerCard(fullResult, opts));
    expect(cardText(own)).not.toMatch(/do not answer this directly/);

    const elsewhere = content(answerCard({ ...fullResult, results: [ranked(0, {}, second!.id), ranked(1)] }, opts));
    expect(validateCard(elsewhere)).toEqual([]);
    expect(cardText(elsewhere)).toContain(`${first!.name}'s documents do not answer this directly`);
    expect(cardText(elsewhere)).toContain(`from ${second!.name}'s document`);

    const national = content(answerCard({ ...fullResult, results: [ranked(0, { national: true, authorities: [] }, second!.id)] }, opts));
    expect(cardText(national)).toContain('from the national guidance summary');
  });

  test('text that looks like template syntax is shown, not evaluated', () => {
    const tricky = ranked(0);
    tricky.passage.display = 'Costs ${price} and {braces} "quoted" it\'s fine.';
    tricky.highlights = [];
    const c = content(answerCard({ answered: true, comparing: [], results: [tricky], followUps: [] }, opts));
    expect(
      findNodes(c, (n) => n.type === 'TextRun')
        .map((r) => r.text)
        .join(''),
    ).toBe(tricky.passage.display);
  });
});

describe('templates prepared once', () => {
  test('the same template expands again and again with different data, each card its own', () => {
    const one = content(helpCard({ commands: [{ usage: 'one', description: 'first' }], authorityName: first!.name }));
    const two = content(helpCard({ commands: [{ usage: 'two ${usage}', description: 'second' }] }));
    const again = content(helpCard({ commands: [{ usage: 'one', description: 'first' }], authorityName: first!.name }));
    expect(again).toEqual(one);
    expect(cardText(one)).toContain('first');
    expect(cardText(one)).not.toContain('second');
    expect(cardText(two)).toContain('two ${usage}');
    expect(cardText(two)).toContain('not set yet');
    // A card handed out is never the prepared template or another card: changing one changes nothing else.
    (one.body as unknown[]).length = 0;
    expect(content(helpCard({ commands: [{ usage: 'one', description: 'first' }], authorityName: first!.name }))).toEqual(again);
  });
});

describe('decline card', () => {
  test("off-topic: gives the engine's explanation and points to a champion and the national helpline", () => {
    const c = content(
      declineCard(
        {
          answered: false,
          comparing: [],
          results: [],
          followUps: [],
          decline: { reason: 'off-topic', message: 'That is outside what I cover.', covers: authorities.map((a) => a.id) },
        },
        opts,
      ),
    );
    expect(validateCard(c)).toEqual([]);
    const text = cardText(c);
    expect(text).toContain('That is outside what I cover.');
    expect(text).toContain('0808 2000 247');
    expect(text).toContain('domestic abuse champion');
    expect(findNodes(c, (n) => n.type === 'Action.OpenUrl')[0]?.url).toBe('tel:08082000247');
    expect(findNodes(c, (n) => (n.data as { verb?: string } | undefined)?.verb === 'showSetAuthority')).toEqual([]);
  });

  test('uncovered authority: offers to set the authority', () => {
    const result: AnswerResult = {
      answered: false,
      comparing: [],
      results: [],
      followUps: [],
      decline: { reason: 'uncovered-authority', message: "I don't hold that authority's policy.", covers: [], authorityName: 'Elsewhere' },
    };
    const c = content(resultCard(result, opts));
    expect(validateCard(c)).toEqual([]);
    expect(findNodes(c, (n) => (n.data as { verb?: string } | undefined)?.verb === 'showSetAuthority')).toHaveLength(1);
  });
});

describe('welcome, help and set-authority cards', () => {
  test('welcome: what the bot does, the identifying-details reminder, set authority and triage buttons', () => {
    const c = content(welcomeCard({}));
    expect(validateCard(c)).toEqual([]);
    expect(cardText(c)).toMatch(/do not enter names or any identifying details/i);
    const verbs = findNodes(c, (n) => n.type === 'Action.Submit').map((n) => (n.data as { verb: string }).verb);
    expect(verbs).toEqual(expect.arrayContaining(['showSetAuthority', 'startTriage']));
  });

  test('help lists the commands it is given', () => {
    const c = content(helpCard({ commands: [{ usage: 'glossary <term>', description: 'Explain a term.' }], authorityName: first!.name }));
    expect(validateCard(c)).toEqual([]);
    expect(cardText(c)).toContain('glossary <term>');
    expect(cardText(c)).toContain(`Your authority: ${first!.name}`);
  });

  test('set authority: one choice per authority file, current one selected', () => {
    const c = content(setAuthorityCard({ authorities, current: second!.id }));
    expect(validateCard(c)).toEqual([]);
    const [choiceSet] = findNodes(c, (n) => n.type === 'Input.ChoiceSet');
    expect(choiceSet?.id).toBe('authority');
    expect(choiceSet?.value).toBe(second!.id);
    expect(choiceSet?.choices).toEqual(authorities.map((a) => ({ title: a.name, value: a.id })));
  });

  test('the raw templates are JSON at version 1.5 or lower', () => {
    for (const name of ['answer', 'decline', 'help', 'welcome', 'set-authority']) {
      const template = JSON.parse(readFileSync(`${__dirname}/../../cards/${name}.json`, 'utf8')) as { version: string };
      expect(Number(template.version)).toBeLessThanOrEqual(1.5);
    }
  });
});

describe('validateCard', () => {
  test('reports what Teams would reject', () => {
    expect(validateCard({ type: 'AdaptiveCard', version: '1.6', body: [] }).join()).toMatch(/version/);
    expect(validateCard({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Bogus' }] }).join()).toMatch(/UnknownElementType/);
    expect(
      validateCard({
        type: 'AdaptiveCard',
        version: '1.5',
        body: [
          { type: 'TextBlock', id: 'a', text: 'x' },
          { type: 'TextBlock', id: 'a', text: 'y' },
        ],
      }).join(),
    ).toMatch(/DuplicateId/);
    expect(
      validateCard({
        type: 'AdaptiveCard',
        version: '1.5',
        body: [],
        actions: [{ type: 'Action.ToggleVisibility', title: 't', targetElements: ['gone'] }],
      }).join(),
    ).toMatch(/gone/);
    expect(validateCard({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: '${x}' }] }).join()).toMatch(/template/);
  });
});

describe('highlightSegments and dates', () => {
  test('keeps the text whole and marks highlights, tolerating case and spacing differences', () => {
    const text = 'One. Two  is\nhere. Three.';
    const segs = highlightSegments(text, ['two is here.', 'not present']);
    expect(segs.map((s) => s.text).join('')).toBe(text);
    expect(segs.filter((s) => s.strong).map((s) => s.text)).toEqual(['Two  is\nhere.']);
    expect(highlightSegments(text, [])).toEqual([{ text, strong: false }]);
  });

  test('formats issue dates as printed', () => {
    expect(formatIssued('2019')).toBe('2019');
    expect(formatIssued('2019-03')).toBe('March 2019');
    expect(formatIssued('2019-03-05')).toBe('5 March 2019');
  });
});

describe('cards from the real engine', () => {
  // The test's own questions, one of each kind a user asks (never an evaluation set's wording).
  const questions: { q: string; authority?: string }[] = [
    { q: 'who do I ring about a worker who hurt their partner', authority: 'lambeth' },
    { q: 'what does RiC stand for' },
    { q: 'MARAC referral email', authority: 'sutton' },
    { q: 'how soon must a phone referral be followed up in writing', authority: 'staffordshire' },
    { q: 'compare how each council uses the risk matrix' },
    { q: 'what is the policy on pets in refuges', authority: 'camden' },
    { q: 'percentage of children on plans affected by domestic abuse', authority: 'wandsworth' },
    { q: 'where is the canteen' },
    { q: 'who is the MARAC coordinator in Newham' },
    { q: '' },
  ];

  test('every kind of question gives a card that validates', async () => {
    const e = engine();
    await e.whenReady();
    for (const { q, authority } of questions) {
      const card = content(resultCard(await e.answer(q, { authority }), opts));
      expect({ q, errors: validateCard(card) }).toEqual({ q, errors: [] });
    }
  });
});
