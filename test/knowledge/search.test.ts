import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildKnowledge } from '../../knowledge/ingest/build';
import {
  createPolicyAnswerer,
  answerQuestion,
  glossaryEntries,
  libraryDocuments,
  loadKnowledge,
  lookupGlossary,
  searchPassages,
  type AnswerResult,
  type KnowledgeBase,
} from '../../knowledge/search';
import { normaliseQuestion, orderQuestion, questionSignals, readQuestion } from '../../knowledge/search/answer-question';
import { FUSION, reweigh, scoreOf } from '../../knowledge/search/rank-passages';
import { classifyQuestion } from '../../knowledge/search/classify-question';

// Questions here are our own wordings, written for kinds of question, not copied from the eval sets.
const TODAY = new Date('2026-11-22T12:00:00Z');
let outDir: string;
let kb: KnowledgeBase;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'kb-search-'));
  await buildKnowledge({ outDir });
  kb = loadKnowledge(outDir);
});
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

const ask = (q: string, authority?: string): AnswerResult => answerQuestion(kb, q, { authority, today: TODAY });
const topDoc = (r: AnswerResult) => r.results[0]?.citation.docId;

describe('acronyms and variant spellings', () => {
  test('an acronym finds passages that spell it out, and is explained', () => {
    const r = ask('what is the role of the MASH when police review a DIAL', 'staffordshire');
    expect(r.answered).toBe(true);
    expect(r.results[0]!.passage.text).toMatch(/Multi Agency Safeguarding Hub/);
    expect(r.glossary?.map((g) => g.term)).toEqual(expect.arrayContaining(['MASH', 'DIAL']));
  });

  test('shorthand joined by a slash, and a team manager, are read as the words', () => {
    const slashed = ask('can police use an epo/ppo for the kids without us', 'camden');
    expect(slashed.answered).toBe(true);
    expect(slashed.results.slice(0, 3).some((x) => /Emergency Protection Order|police protection/i.test(x.passage.text))).toBe(true);
    const tm = ask('does my tm need to sign off a dv case', 'sutton');
    expect(tm.answered).toBe(true);
  });

  test('an expansion finds passages that only use the acronym', () => {
    const r = ask('must male victims go to the independent domestic violence advisor service', 'sutton');
    expect(r.answered).toBe(true);
    expect(r.results[0]!.passage.text).toContain('IDVA');
  });

  test("Clare's Law and Claire's Law find the same passage", () => {
    const a = ask("can a neighbour ask the police under Clare's Law", 'staffordshire');
    const b = ask("can a neighbour ask the police under Claire's Law", 'staffordshire');
    expect(a.answered && b.answered).toBe(true);
    expect(a.results[0]!.passage.id).toBe(b.results[0]!.passage.id);
  });

  test("Barnardo's and Barnardos find the same passage", () => {
    const a = ask("which Barnardo's scale means a child protection response", 'camden');
    const b = ask('which Barnardos scale means a child protection response', 'camden');
    expect(a.results[0]!.passage.id).toBe(b.results[0]!.passage.id);
  });

  test('DV, DA and DVA all read as domestic abuse', () => {
    for (const term of ['DV', 'DA', 'DVA']) {
      const r = ask(`${term} champions list`, 'sutton');
      expect(r.glossary?.[0]?.expansion).toMatch(/Domestic (Violence|Abuse)/);
      expect(r.results[0]!.citation.section).toMatch(/DA champions/);
    }
  });

  test('glossary lookups work by term, expansion and variant', () => {
    expect(glossaryEntries(kb).length).toBeGreaterThan(40);
    expect(lookupGlossary(kb, 'marac')[0]?.expansion).toMatch(/Risk Assessment Conference/);
    expect(lookupGlossary(kb, "Claire's Law")[0]?.term).toBe('DVDS');
  });
});

describe('authority preference', () => {
  test("the asker's own authority comes first", () => {
    expect(topDoc(ask('who draws up the safety plan with the victim', 'camden'))).toBe('camden-joint-protocol');
    expect(topDoc(ask('who draws up the safety plan with the victim', 'sutton'))).toBe('sutton-practice-directive-26');
  });

  test('an authority named in the question wins over the profile', () => {
    const r = ask('what do Lambeth staff do about interpreters', 'camden');
    expect(r.authority).toBe('lambeth');
    expect(topDoc(r)).toBe('lambeth-domestic-abuse-policy');
  });

  test('a comparison covers each authority named', () => {
    const r = ask('compare how Camden and Sutton handle safety planning');
    expect(r.comparing).toEqual(['camden', 'sutton']);
    const docs = r.results.map((x) => x.citation.docId);
    expect(docs).toContain('camden-joint-protocol');
    expect(docs).toContain('sutton-practice-directive-26');
  });

  test('"difference between" with one named authority compares it with the asker\'s own', () => {
    const r = ask("what's the difference in perpetrator programmes in Wandsworth", 'sutton');
    expect(r.comparing).toEqual(['sutton', 'wandsworth']);
  });
});

describe('declines', () => {
  test('staff-admin questions are sent where they belong, even when they mention the domain', () => {
    const cases: [string, RegExp][] = [
      ['how do I claim mileage expenses for a home visit', /finance/],
      ['what is the wifi password for the guest network', /IT service desk/],
      ['can i book a meeting room for the DA champions forum', /facilities/],
      ['how much special leave can I take', /HR/],
      ['would she qualify for legal aid to go to court about contact', /solicitor/],
      ['what is the longest prison sentence he could get for coercive control', /solicitor/],
      ['within how many working days should the review conference take place', /Working Together/],
      ['is there a long waiting list for the perpetrator programme right now', /the service itself/],
      ['do I need a fit note if I am off for a week', /HR/],
      ['how long are closed case records kept before they get deleted', /information governance/],
      ['the case system keeps freezing when I open the chronology', /IT service desk/],
      ['how long have housing got to make a decision on her homeless application', /housing/],
      ['she is on a spousal visa, can she get indefinite leave if she leaves him', /immigration/],
      ['any ideas for the team christmas party', /your team/],
    ];
    for (const [q, where] of cases) {
      const r = ask(q, 'lambeth');
      expect(r.answered).toBe(false);
      expect(r.decline?.reason).toBe('out-of-scope');
      expect(r.decline?.pointTo).toMatch(where);
      expect(r.decline?.message).toMatch(where);
      expect(r.decline?.message).toContain('999');
    }
  });

  test('a court order the documents name, asked about in a way they never answer, is declined; the order itself is still explained', () => {
    for (const q of ['does her occupation order expire after six months', 'if he ignores the non mol does he go to prison']) {
      const r = ask(q, 'camden');
      expect(r.answered).toBe(false);
      expect(r.decline?.pointTo).toMatch(/solicitor/);
    }
    expect(ask('when would police use a DVPO and how long does it last', 'staffordshire').answered).toBe(true);
    // A breach is a safety question, not a legal one: still answered.
    expect(ask('he breached the non mol last night, what should I do', 'camden').decline?.reason).not.toBe('out-of-scope');
    expect(ask('what is a non-molestation order', 'wandsworth').answered).toBe(true);
  });

  test('how soon a child protection conference is held, or how often staff supervision happens, is for Working Together or HR', () => {
    expect(ask('strat was yesterday, how soon does the ICPC have to happen', 'sutton').decline?.pointTo).toMatch(/Working Together/);
    expect(ask('how often am I supposed to get supervision with a DA caseload', 'lambeth').decline?.pointTo).toMatch(/HR/);
  });

  test('a safety-plan question about car insurance is still answered (a phrase a passage holds is never out of scope)', () => {
    const r = ask('what should she take with her if she leaves by car, like insurance details', 'stoke-on-trent');
    expect(r.answered).toBe(true);
  });

  test('off-topic questions are declined with what the bot covers and where to go', async () => {
    const answerer = createPolicyAnswerer(kb);
    await answerer.whenReady();
    for (const q of ['best pizza near the office', "what's the weather forecast for tomorrow"]) {
      const r = await answerer.answer(q, { authority: 'lambeth' });
      expect(r.answered).toBe(false);
      expect(r.decline?.reason).toBe('off-topic');
      expect(r.decline?.message).toContain('0808 2000 247');
      expect(r.decline?.covers).toEqual(expect.arrayContaining(['Camden', 'Lambeth', 'Sutton']));
      expect(r.results).toHaveLength(0);
    }
  });

  test('an authority without a document is recognised without its apostrophe or capital', () => {
    for (const q of ['whats croydons mash number', 'kent out of hours number for children']) {
      expect(ask(q, 'camden').decline?.reason).toBe('uncovered-authority');
    }
  });

  test('a question about an authority without a document is declined as uncovered', () => {
    const r = ask('what does Hackney expect before a MARAC referral', 'camden');
    expect(r.answered).toBe(false);
    expect(r.decline?.reason).toBe('uncovered-authority');
    expect(r.decline?.authorityName).toBe('Hackney');
    expect(r.decline?.message).toContain('Hackney');
  });

  test('an empty or content-free question is declined as empty', () => {
    expect(ask('   ').decline?.reason).toBe('empty');
    expect(ask('what is it?').decline?.reason).toBe('empty');
  });

  test('answerable questions of several kinds are answered', () => {
    const cases: [string, string, RegExp][] = [
      ['phone number for Camden Safety Net', 'camden', /020 7974 3557/],
      ['who is the education safeguarding lead', 'sutton', /Hayley Cameron/],
      ['how long can a protection order last', 'stoke-on-trent', /28 days/],
      ['what share of assessments have domestic abuse as a factor', 'lambeth', /15%/],
      ['what must happen when there are concerns about FGM', 'sutton', /strategy meeting/],
    ];
    for (const [q, authority, expected] of cases) {
      const r = ask(q, authority);
      expect(r.answered).toBe(true);
      expect(
        r.results
          .slice(0, 3)
          .map((x) => x.passage.display)
          .join('\n'),
      ).toMatch(expected);
    }
  });
});

describe('results', () => {
  test('citations carry title, section, dates and review warnings', () => {
    const r = ask('who is the named nurse for safeguarding children', 'sutton');
    const c = r.results[0]!.citation;
    expect(c).toMatchObject({ docId: 'sutton-practice-directive-26', issued: '2021-08', reviewDue: '2024-08', reviewOverdue: true });
    expect(c.section).toContain('Named Nurse');
    const early = answerQuestion(kb, 'who is the named nurse for safeguarding children', { authority: 'sutton', today: new Date('2024-01-15') });
    expect(early.results[0]!.citation.reviewOverdue).toBe(false);
  });

  test('superseded statements are annotated', () => {
    const r = ask('who authorises a domestic violence protection notice', 'stoke-on-trent');
    expect(r.results[0]!.citation.supersededNote).toMatch(/DAPO/);
  });

  test('highlights are sentences of the displayed passage', () => {
    const r = ask('how often are safety plans reviewed', 'camden');
    expect(r.results[0]!.highlights.length).toBeGreaterThan(0);
    for (const h of r.results[0]!.highlights) expect(r.results[0]!.passage.display).toContain(h);
    expect(r.results.length).toBeLessThanOrEqual(5);
  });

  test('search pages through results for the message extension', () => {
    const all = searchPassages(kb, 'refuge', { authority: 'camden', count: 50 });
    const page = searchPassages(kb, 'refuge', { authority: 'camden', skip: 2, count: 2 });
    expect(all.total).toBeGreaterThan(4);
    expect(page.items.map((i) => i.passage.id)).toEqual(all.items.slice(2, 4).map((i) => i.passage.id));
  });

  test('the library groups every passage by document and section', () => {
    const docs = libraryDocuments(kb);
    const count = docs.reduce((n, d) => n + d.sections.reduce((m, s) => m + s.passages.length, 0), 0);
    expect(count).toBe(kb.store.passages.length);
  });
});

describe('hostile input', () => {
  const hostile = [
    's47: RiC~ +MARAC -x ^2 *',
    '*',
    '~1',
    '^',
    'title:marac',
    '+ - * ~ ^ :',
    'MARAC~2^10',
    '"unclosed',
    '\u0000\u0007 control',
    '😀 🔥',
    'x'.repeat(20000),
    '<script>alert(1)</script>',
    '(((((((',
    '\\',
  ];
  test.each(hostile)('%#: answering and searching never throw', (q) => {
    expect(() => ask(q)).not.toThrow();
    expect(() => searchPassages(kb, q)).not.toThrow();
  });

  test('arbitrary strings never throw', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200, unit: 'binary' }), (q) => {
        ask(q);
        searchPassages(kb, q);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the asker profile never costs an answer', () => {
  // A profile re-orders answers; it must never turn an answerable question into a decline.
  const questions = [
    'what should I do if a child discloses domestic abuse',
    'who do I tell when a woman is being forced into marriage',
    'how soon must the written referral follow a phone call',
    'support for men experiencing abuse from a partner',
  ];
  test.each(questions)('%s', (q) => {
    const open = ask(q);
    expect(open.answered).toBe(true);
    for (const id of kb.coveredAuthorities) {
      expect(ask(q, id).answered).toBe(true);
    }
  });
});

describe('weighing the evidence again (what npm run tune fits)', () => {
  it('each passage keeps the evidence its score is made of, so a new weighting ranks exactly as the bot would', () => {
    const q = 'who do i ring out of hours if mum is scared to go home tonight';
    const read = readQuestion(kb, q, { authority: 'camden' });
    if ('early' in read) throw new Error('declined before ranking');
    for (const s of read.scored) expect(scoreOf(s.parts, FUSION)).toBeCloseTo(s.score, 9);
    const again = orderQuestion(kb, read, reweigh(read.scored, FUSION));
    expect(again.shown.map((s) => s.passage.id)).toEqual(ask(q, 'camden').results.map((r) => r.passage.id));
  });

  it('with no authority preference, the asker’s own documents get no lift', () => {
    const read = readQuestion(kb, 'what does the dash ask about pregnancy', { authority: 'sutton' });
    if ('early' in read) throw new Error('declined before ranking');
    const own = read.scored.find((s) => s.parts.authority > 1)!;
    expect(scoreOf(own.parts, { ...FUSION, authority: 0 })).toBeLessThan(scoreOf(own.parts, FUSION));
  });
});

describe('a visit described instead of named (kinds from the twenty-seventh calibration batch, in other words)', () => {
  it('parents "dodging us" and cancelling visits are the matrix’s avoidance of services', () => {
    const r = ask('mum keeps dodging us and cancelling visits, does that make it riskier', 'camden');
    expect(r.answered).toBe(true);
    expect(r.results[0]!.passage.display).toMatch(/avoidance/i);
  });

  it('the DASH score is not the matrix scale: a question about a bail condition changing her DASH score is still declined', () => {
    expect(ask('does him being on bail change her dash score', 'sutton').answered).toBe(false);
  });
});

describe('a situation described, not named (kinds from the thirty-third to thirty-fifth calibration batches, in other words)', () => {
  const plan = (q: string) => readQuestion(kb, q, { authority: 'lambeth' }) as Exclude<ReturnType<typeof readQuestion>, { early: unknown }>;

  it('contractions typed with an apostrophe are read in full, so "he\'ll" is not "hell"', () => {
    expect(normaliseQuestion(kb, "he'll translate, she'd said it wouldn't work and I can't")).toBe(
      'he will translate, she would said it would not work and I can not',
    );
  });

  it('an age or count no document prints is a detail of the case, not a topic the documents lack', () => {
    const concept = plan('her 23yo bf reads all her messages, what do we do').plan.concepts.find((c) => c.label === '23');
    expect(concept?.weight).toBeLessThan(1);
  });

  it('the situation the triage reader recognises joins the question in the documents’ words', () => {
    const labels = plan('her 15yo son keeps hitting her and has kicked holes in the doors, what now').plan.concepts.map((c) => c.label);
    expect(labels).toContain('situation: apva');
  });

  it('a young person’s own abusive relationship, described, finds the passage on MARAC for 16 and 17 year olds', () => {
    const r = ask("my 16 year old girl's boyfriend keeps grabbing her by the neck, can she go to marac", 'lambeth');
    expect(r.answered).toBe(true);
    expect(r.results[0]!.passage.display).toMatch(/16 and 17/);
  });

  it('everyday words no document uses, read as part of the situation, do not make the bot decline', () => {
    const r = ask('mum says he kicked the dog across the kitchen in front of the kids, does that count for anything', 'camden');
    expect(r.answered).toBe(true);
    expect(
      r.results
        .slice(0, 3)
        .map((x) => x.passage.display)
        .join(' '),
    ).toMatch(/pets|animals/i);
  });
});

describe('situations told mid-case (kinds from the thirty-sixth to thirty-eighth calibration batches, in other words)', () => {
  const plan = (q: string) => readQuestion(kb, q, { authority: 'camden' }) as Exclude<ReturnType<typeof readQuestion>, { early: unknown }>;

  it('a situation the triage reader recognises is never counted as a word no document uses, however long the question', () => {
    const read = plan('she told me at the school gate he squeezed her throat on the landing at the weekend while the twins watched, what now');
    const situations = read.plan.concepts.filter((c) => c.label.startsWith('situation:'));
    expect(situations.length).toBeGreaterThan(0);
    expect(situations.every((c) => !c.unseen)).toBe(true);
  });

  it('a long question with every word in the documents has no unseen share, even when its situation weighs more than an unseen word', () => {
    const q =
      'mum told me at the visit he grabbed her by the neck a couple of weeks ago and the police were not called, its only a child in need case, do i still have to refer her to the idva service or is that only for high risk cases';
    const situations = plan(q).plan.concepts.filter((c) => c.label.startsWith('situation:'));
    expect(Math.max(...situations.map((c) => c.weight))).toBeGreaterThanOrEqual(10);
    expect(questionSignals(kb, q, { authority: 'camden' })!.unseen).toBe(0);
  });

  it('everyday verbs in a question about where a service sits do not make the bot decline', () => {
    expect(ask('what days do the idvas sit with the mash team, want to run something past one', 'wandsworth').answered).toBe(true);
  });

  it('social care shorthand for a manager and an assessment is read in full', () => {
    expect(normaliseQuestion(kb, 'does the mgr need to sign off the assmt')).toBe('does the manager need to sign off the assessment');
  });
});

describe('kinds from the fifty-seventh to sixty-first calibration batches (our own wording)', () => {
  it('"a DA call" is an incident the police attended, not a request for a number, so the answer is not held back for want of one', () => {
    expect(classifyQuestion('after a DA call with the kids at home, who hears about it').phone).toBe(false);
    expect(classifyQuestion('who do I call about this').phone).toBe(true);
    expect(ask('after a DA call with the kids at home, who hears about it in camden', 'camden').answered).toBe(true);
  });

  it("how long records are kept, and a victim's medicines, are pointed elsewhere instead of answered with the nearest passage", () => {
    const records = ask('how long are our DA case files kept before they get destroyed', 'lambeth');
    expect(records.decline?.reason).toBe('out-of-scope');
    const pills = ask('is it safe for her to stop taking her sertraline', 'lambeth');
    expect(pills.decline?.reason).toBe('out-of-scope');
    expect(pills.decline?.message).toMatch(/GP or pharmacist/);
  });

  it('"medium risk" finds the moderate-risk service levels', () => {
    const r = ask('what does csn give medium risk victims', 'camden');
    expect(r.results.slice(0, 3).some((x) => /Moderate risk cases receive/.test(x.passage.text))).toBe(true);
  });
});
