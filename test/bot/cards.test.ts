import { readFileSync } from 'node:fs';
import type { Attachment } from 'botbuilder';
import { answerCard, declineCard, highlightSegments, resultCard, type AnswerCardOptions, type ChampionPart } from '../../cards/answer-card';
import { championConsentCard, championQuestionCard, championReplyCard } from '../../cards/champion-cards';
import { formatIssued } from '../../cards/citation-text';
import { helpCard, setAuthorityCard, welcomeCard } from '../../cards/bot-cards';
import { compareCard, escalationCard } from '../../cards/escalation-card';
import { servicesCard } from '../../cards/services-card';
import { entriesFor, escalationSections, findCompareTopic, servicesFor } from '../../knowledge/routes';
import { loadTriageKnowledge } from '../../knowledge/triage';
import { validateCard } from '../../cards/validate';
import { inductionCompleteCard, inductionFeedbackCard, inductionStepCard, questionPrompt } from '../../cards/induction-cards';
import { CHAMPION_MESSAGES, INDUCTION_MESSAGES } from '../../bot/messages';
import { courseFor, loadInductionCourse } from '../../knowledge/induction';
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

  test('with feedback: Helpful, and Not helpful with reasons and the share toggle; the toggle only when there is a question', () => {
    const withQuestion = content(answerCard(fullResult, { ...opts, feedback: { sharedQuestion: 'is ${x} a [name] question?' } }));
    expect(validateCard(withQuestion)).toEqual([]);
    const helpful = findNodes(withQuestion, (n) => n.type === 'Action.Submit' && n.title === 'Helpful')[0]!;
    expect(helpful.data).toEqual({ verb: 'feedback', rating: 'helpful', passageId: 'doc-0#0' });
    expect(findNodes(withQuestion, (n) => n.type === 'Input.Toggle')).toHaveLength(1);
    expect(cardText(withQuestion)).toContain('What would be shared: is ${x} a [name] question?');

    const fromButton = content(answerCard(fullResult, { ...opts, feedback: { sharedQuestion: '' } }));
    expect(validateCard(fromButton)).toEqual([]);
    expect(findNodes(fromButton, (n) => n.type === 'Input.Toggle')).toHaveLength(0);
    expect(findNodes(content(answerCard(fullResult, opts)), (n) => n.title === 'Not helpful')).toHaveLength(0);
  });
});

describe('"Ask a champion" on answer and decline cards', () => {
  const champion: ChampionPart = {
    ask: { title: CHAMPION_MESSAGES.askButton, question: 'is ${x} a [name] question?' },
    cited: {
      heading: 'Champion answer (Safeguarding lead, 2 May 2025) — not policy',
      asked: 'Asked before: q',
      answer: 'an answer',
      notPolicy: CHAMPION_MESSAGES.notPolicy,
    },
  };
  const declined: AnswerResult = {
    answered: false,
    comparing: [],
    results: [],
    followUps: [],
    decline: { reason: 'off-topic', message: 'Outside what I cover.', covers: [] },
  };

  test('the button carries the question as given; the champion answer is a separate block, labelled not policy', () => {
    for (const c of [content(answerCard(fullResult, { ...opts, champion })), content(declineCard(declined, { ...opts, champion }))]) {
      expect(validateCard(c)).toEqual([]);
      const ask = findNodes(c, (n) => (n.data as { verb?: string } | undefined)?.verb === 'askChampion');
      expect(ask.map((n) => [n.title, n.data])).toEqual([[CHAMPION_MESSAGES.askButton, { verb: 'askChampion', question: 'is ${x} a [name] question?' }]]);
      const block = findNodes(c, (n) => n.type === 'Container' && n.style === 'accent')[0]!;
      expect(cardText(block)).toContain('Champion answer (Safeguarding lead, 2 May 2025) — not policy');
      expect(cardText(block)).toContain(CHAMPION_MESSAGES.notPolicy);
    }
  });

  test('without a champions channel or a champion answer, neither appears; an empty question is never offered', () => {
    for (const c of [content(answerCard(fullResult, opts)), content(declineCard(declined, opts))]) {
      expect(findNodes(c, (n) => (n.data as { verb?: string } | undefined)?.verb === 'askChampion')).toHaveLength(0);
      expect(cardText(c)).not.toContain('not policy');
    }
    const empty = content(declineCard({ ...declined, decline: { reason: 'empty', message: 'Type a question.', covers: [] } }, { ...opts, champion }));
    expect(findNodes(empty, (n) => (n.data as { verb?: string } | undefined)?.verb === 'askChampion')).toHaveLength(0);
  });
});

describe('champion cards', () => {
  test('consent: the redacted question in an editable box, the reminder, send and cancel', () => {
    const c = content(championConsentCard({ words: CHAMPION_MESSAGES, question: 'does dad [name] need a ${y} referral?' }));
    expect(validateCard(c)).toEqual([]);
    expect(findNodes(c, (n) => n.type === 'Input.Text')[0]).toMatchObject({ id: 'question', value: 'does dad [name] need a ${y} referral?', maxLength: 500 });
    expect(cardText(c)).toContain(CHAMPION_MESSAGES.consentReminder);
    const verbs = findNodes(c, (n) => n.type === 'Action.Submit').map((n) => (n.data as { verb: string }).verb);
    expect(verbs).toEqual(['sendChampionQuestion', 'cancelChampionQuestion']);
  });

  test('the channel card: the question and a reply form, or once answered a note and no form', () => {
    const view = { words: CHAMPION_MESSAGES, questionId: '0d4f1c8e-1111-4a2b-9c3d-222233334444', question: 'q', intro: 'Asked on 1 May 2025.' };
    const open = content(championQuestionCard(view));
    expect(validateCard(open)).toEqual([]);
    expect(findNodes(open, (n) => n.type === 'Input.Text').map((n) => n.id)).toEqual(['answer']);
    expect(findNodes(open, (n) => n.type === 'Input.Toggle').map((n) => n.id)).toEqual(['addToList']);
    expect(findNodes(open, (n) => n.type === 'Action.Submit')[0]!.data).toEqual({ verb: 'championReply', questionId: view.questionId });
    const answered = content(championQuestionCard({ ...view, answeredNote: 'Answered on 2 May 2025 by a Safeguarding lead.' }));
    expect(validateCard(answered)).toEqual([]);
    expect(findNodes(answered, (n) => String(n.type).startsWith('Input.') || n.type === 'Action.Submit')).toHaveLength(0);
    expect(cardText(answered)).toContain('Answered on 2 May 2025 by a Safeguarding lead.');
  });

  test("the asker's card: what they asked, the answer with role and date, and not policy", () => {
    const c = content(
      championReplyCard({ words: CHAMPION_MESSAGES, asked: 'You asked: q', answer: 'a ${z} answer', answeredBy: 'Safeguarding lead, 2 May 2025' }),
    );
    expect(validateCard(c)).toEqual([]);
    expect(cardText(c)).toContain('a ${z} answer');
    expect(cardText(c)).toContain(CHAMPION_MESSAGES.notPolicy);
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
    const before = structuredClone(again);
    (one.body as unknown[]).length = 0;
    expect(again).toEqual(before);
    expect(content(helpCard({ commands: [{ usage: 'one', description: 'first' }], authorityName: first!.name }))).toEqual(before);
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
    for (const name of [
      'answer',
      'decline',
      'help',
      'welcome',
      'set-authority',
      'induction-step',
      'induction-feedback',
      'induction-complete',
      'champion-consent',
      'champion-question',
      'champion-reply',
    ]) {
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

describe('escalation, compare and services cards from the compiled data', () => {
  const tk = loadTriageKnowledge();
  const links = { publicBaseUrl: opts.publicBaseUrl, authorityName: opts.authorityName };
  const when = (w: string) => `When: ${w}`;

  test.each(Object.keys(tk.authorities))('the %s escalation card validates and cites every point', (id) => {
    const a = tk.authorities[id]!;
    const card = content(
      escalationCard({
        authority: { id, name: a.name },
        sections: escalationSections(a, tk.escalation),
        words: { heading: `Escalation routes: ${a.name}`, intro: 'intro', reminder: 'reminder', when, silent: `The ${a.name} documents do not say.` },
        links,
      }),
    );
    expect(validateCard(card)).toEqual([]);
    const sources = findNodes(card, (n) => n.type === 'TextBlock' && String(n.text).includes('Source: '));
    expect(sources.length).toBe(a.escalation.reduce((n, e) => n + e.citations.length, 0));
  });

  test.each(['escalation', 'lado', 'out of hours', 'marac', 'idva', 'strategy meeting', 'disagreements', 'oversight'])(
    'compare %s validates, with a row for every authority',
    (words) => {
      const topic = findCompareTopic(words, tk.escalation)!;
      const rows = Object.values(tk.authorities).map((a) => ({
        name: a.name,
        entries: entriesFor(a, topic.topics),
        silent: `The ${a.name} documents do not say.`,
      }));
      const card = content(compareCard({ heading: topic.label, intro: 'intro', reminder: 'reminder', rows, when, links }));
      expect(validateCard(card)).toEqual([]);
      expect(findNodes(card, (n) => n.type === 'ColumnSet')).toHaveLength(rows.length);
    },
  );

  test.each(Object.keys(tk.authorities))('the %s services card validates for every need, however long the list', (id) => {
    for (const need of tk.needs) {
      const found = servicesFor(tk, id, [need.id]);
      const card = content(
        servicesCard({
          heading: need.label,
          intro: 'intro',
          sections: [
            { title: 'local', services: found.local, none: 'none' },
            { title: 'national', services: found.national, none: 'none' },
          ],
          always: 'always',
          reminder: 'reminder',
          needIds: [need.id],
          ...links,
        }),
      );
      expect({ need: need.id, errors: validateCard(card) }).toEqual({ need: need.id, errors: [] });
    }
  });
});

describe('induction cards', () => {
  const words = INDUCTION_MESSAGES;
  const ctx = { words, publicBaseUrl: 'https://policy.example.org', authorityName: (id: string) => names.get(id) ?? id };
  const steps = courseFor(loadInductionCourse(), {
    authority: { id: 'wandsworth', name: 'Wandsworth', contacts: loadTriageKnowledge().authorities.wandsworth!.contacts },
  });

  test('every step card, its feedback (right and wrong) and the summary validate, with every sentence from messages.yaml', () => {
    for (const [i, step] of steps.entries()) {
      const at = { n: i + 1, total: steps.length, last: i === steps.length - 1 };
      const card = content(inductionStepCard(step, at, ctx));
      expect({ step: step.id, errors: validateCard(card) }).toEqual({ step: step.id, errors: [] });
      expect(findNodes(card, (n) => n.type === 'Input.ChoiceSet')).toHaveLength(step.questions.length);
      for (const right of [true, false]) {
        const feedback = content(
          inductionFeedbackCard(
            step,
            step.questions.map((question) => ({ question, right })),
            at,
            ctx,
          ),
        );
        expect({ step: step.id, errors: validateCard(feedback) }).toEqual({ step: step.id, errors: [] });
        expect(cardText(feedback)).toContain(step.citation.quote);
      }
    }
    for (const shared of [false, true]) {
      const summary = content(inductionCompleteCard({ topics: steps.map((s) => s.topic), right: 20, of: 22, completedOn: '2026-03-04', shared }, words));
      expect(validateCard(summary)).toEqual([]);
      expect(cardText(summary)).toContain('4 March 2026');
      expect(cardText(summary)).toContain(shared ? words.unshareButton : words.shareButton);
    }
  });

  test("a contacts step asks about the authority's own contacts, with the number from its data", () => {
    const step = steps.find((s) => s.id === 'your-services')!;
    const q = step.questions[0]!;
    const contact = loadTriageKnowledge().authorities.wandsworth!.contacts.find((c) => c.phone)!;
    expect(questionPrompt(q, words)).toContain(contact.phone!);
    expect(q.options[q.answer]).toBe(contact.name);
  });
});
