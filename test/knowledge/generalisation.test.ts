import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildKnowledge } from '../../knowledge/ingest/build';
import { isLeadIn } from '../../knowledge/ingest/cut-passages';
import { answerQuestion, createPolicyAnswerer, loadKnowledge, type KnowledgeBase } from '../../knowledge/search';
import { normaliseQuestion } from '../../knowledge/search/answer-question';
import { classifyQuestion } from '../../knowledge/search/classify-question';
import { askStart, correctDropped, correctSwap, correctTypo, expandQuery, SITUATION_SHARE, UNSEEN_TOLD_SHARE } from '../../knowledge/search/expand-query';
import { oneEditApart } from '../../knowledge/text/edit-distance';
import { doingWords } from '../../knowledge/text/word-class';
import { acronymTypoFixer } from '../../knowledge/text/acronym-typos';
import { analyze, words } from '../../knowledge/text/analyzer';
import { idf, shapeOf } from '../../knowledge/search/load-knowledge';

// Rules added for kinds of question the probe set found weak. Wordings are our own.
const TODAY = new Date('2026-11-22T12:00:00Z');
let outDir: string;
let kb: KnowledgeBase;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'kb-general-'));
  await buildKnowledge({ outDir });
  kb = loadKnowledge(outDir);
});
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

const ask = (q: string, authority?: string) => answerQuestion(kb, q, { authority, today: TODAY });

describe('typo tolerance', () => {
  it('finds words one edit apart', () => {
    expect(oneEditApart('natinal', 'national')).toBe(true);
    expect(oneEditApart('referal', 'referral')).toBe(true);
    expect(oneEditApart('refferal', 'referral')).toBe(false); // two edits
    expect(oneEditApart('recieve', 'receive')).toBe(true); // swapped neighbours
    expect(oneEditApart('charge', 'change')).toBe(true);
    expect(oneEditApart('password', 'passport')).toBe(false);
    expect(oneEditApart('same', 'same')).toBe(false);
  });

  it('corrects a long unknown word to a corpus term, and leaves known and short words alone', () => {
    expect(correctTypo(kb, 'safegaurd')).toBe('safeguard');
    expect(correctTypo(kb, 'safeguard')).toBeUndefined();
    expect(correctTypo(kb, 'wifi')).toBeUndefined();
    // Swapped neighbours, compared before stemming ("saftey" → safety → safeti), in short words too.
    expect(correctSwap(kb, 'saftey')).toBe('safeti');
    expect(correctSwap(kb, 'plan')).toBeUndefined();
  });

  it("a letter left out in fast typing is read as the documents' word, a word the documents print is left alone", () => {
    expect(correctDropped(kb, 'safegarding')).toBe('safeguard');
    expect(correctDropped(kb, 'refferal')).toBeUndefined();
    expect(correctDropped(kb, 'plan')).toBeUndefined();
    expect(correctDropped(kb, 'parking')).toBeUndefined();
  });

  it('answers a misspelt question, and does not turn a real off-topic word into a corpus one', () => {
    expect(ask('whats the natinal domestic abuse helpline number', 'lambeth').answered).toBe(true);
    // "charge" is one edit from "change" but too short a word to be corrected.
    expect(ask('how much do refuges charge per night', 'wandsworth').answered).toBe(false);
  });
});

describe('everyday words and chat fillers', () => {
  it('weighs an everyday synonym like the word it stands for, not like an unknown word', () => {
    const plan = expandQuery(kb, 'support for a mum', '');
    const mum = plan.concepts.find((c) => c.label === 'mum')!;
    // Before: an unknown word weighed the most a word can (the idf of a term in no passage).
    expect(mum.alternatives.some((a) => a.join(' ') === 'mother')).toBe(true);
    expect(mum.weight).toBeLessThan(idf(kb, 'zzzunseen') - 1);
  });

  it('treats inflected weak words and chat fillers as weak', () => {
    const plan = expandQuery(kb, 'hiya pls keeps wondering', '');
    for (const c of plan.concepts) expect(c.weight).toBeLessThanOrEqual(0.5);
  });

  it('treats the words of a question passed on as weak: who asks is not what is asked', () => {
    const plan = expandQuery(kb, 'colleague asking, the team thinks she wants', '');
    for (const c of plan.concepts) expect(c.weight).toBeLessThanOrEqual(0.5);
  });

  it('treats hedges and apologies as weak: an apology for asking does not make a question unanswerable', () => {
    const plan = expandQuery(kb, 'sorry silly q actually', '');
    for (const c of plan.concepts) expect(c.weight).toBeLessThanOrEqual(0.5);
    const r = ask('apologies if this is a daft question, but what actually happens at an IDVA meeting', 'camden');
    expect(r.answered).toBe(true);
    expect(r.results[0]!.passage.display).toMatch(/IDVA|IDSVA|advocat/i);
  });

  it('treats contractions typed without the apostrophe as weak: "they\'d" is not an unknown topic word', () => {
    const plan = expandQuery(kb, "they'd you'd i've would've", '');
    for (const c of plan.concepts) expect(c.weight).toBeLessThanOrEqual(0.5);
  });

  it('reads more of the shorthand practitioners type: champ, wk, mh, grandkids', () => {
    expect(normaliseQuestion(kb, 'who is the da champ, back next wk, mh worries, grandkids')).toBe(
      'who is the da champion, back next week, mental health worries, grandchildren',
    );
  });

  it('restores a contraction typed without its apostrophe just inside a quotation, as triage does', () => {
    expect(normaliseQuestion(kb, "she texted 'hes here' and i dont know what to do")).toBe("she texted 'he is here' and i do not know what to do");
  });

  it('reads texting shortcuts: hw, abt, shd, b4', () => {
    expect(normaliseQuestion(kb, 'hw do i ask abt it b4 the visit, shd i')).toBe('how do i ask about it before the visit, should i');
  });

  it('reads "sat" as sitting, not as a day of the week', () => {
    // The typing rewrite happens in normaliseQuestion, before the query is expanded.
    expect(normaliseQuestion(kb, 'he sat in on the visit, back on sun')).toBe('he sat in on the visit, back on sun');
  });

  it('still declines a near miss that only shares corpus words', () => {
    expect(ask("what is the MASH manager's salary", 'camden').answered).toBe(false);
    expect(ask('when is the MARAC team summer barbecue', 'sutton').answered).toBe(false);
  });
});

describe('what a question asks for, told apart from its context', () => {
  it('"ring her back" and "could not get hold of her" are things done, not a request for a number', () => {
    expect(classifyQuestion('she did not answer, should I ask her to ring me back tomorrow').phone).toBe(false);
    expect(classifyQuestion("couldn't get hold of dad at all this week, can the visit go ahead").phone).toBe(false);
    expect(classifyQuestion('who do i ring for the out of hours team').phone).toBe(true);
    expect(classifyQuestion("he put a tracking app on mum's phone, what should her safety plan cover").phone).toBe(false);
    expect(classifyQuestion('dad has blocked my number, can i still assess him').phone).toBe(false);
    expect(classifyQuestion('what number do i ring for the idva').phone).toBe(true);
  });

  it("contact as a noun (a child's contact with a parent, the contact team) and sending a person to a service ask for no number or address", () => {
    expect(classifyQuestion('he collected the kids from nursery though the order says no contact, who needs to know').phone).toBe(false);
    expect(classifyQuestion('dad wants contact with the baby at christmas, is that ok').email).toBe(false);
    expect(classifyQuestion('the referral went in at contact this morning, what happens next').who).toBe(false);
    expect(classifyQuestion('dad says he wants help, where do i send him').email).toBe(false);
    expect(classifyQuestion('how do i contact the idva in camden').phone).toBe(true);
    expect(classifyQuestion('where do i send the completed marf').email).toBe(true);
  });

  it('a definition question wrapped in context still leads with the passage that defines the term', () => {
    const r = ask('what is CSN? the school keeps writing it on the referral form', 'camden');
    expect(r.answered).toBe(true);
    expect(r.results[0]!.passage.display).toMatch(/^CSN\b[^.]{0,80}\b(?:is|are)\b/);
  });
});

describe('questions about what a tool is for', () => {
  it('recognises a purpose question', () => {
    expect(classifyQuestion('sorry, what do we actually use the DASH for?').purpose).toBe(true);
    expect(classifyQuestion("what's the point of a strategy meeting").purpose).toBe(true);
    expect(classifyQuestion('what is a strategy meeting').purpose).toBe(false);
  });

  it('takes the thing, not "for", as the subject of "what is X (used) for"', () => {
    expect(classifyQuestion('what is the DASH for').definitionOf).toEqual(['dash']);
    expect(classifyQuestion('in sutton what is the RiC actually used for when dad is seen').definitionOf).toEqual(['ric']);
  });

  it('does not let one table fill every place: the sentence saying what the matrix is used for is among the first three', () => {
    const r = ask("I'm new, what is the Barnardo's matrix actually used for?", 'camden');
    expect(r.answered).toBe(true);
    const top3 = r.results.slice(0, 3);
    expect(top3.some((x) => /use the Barnardo'?s risk assessment matrix[^.]*to determine/i.test(x.passage.display))).toBe(true);
    const sections = top3.map((x) => `${x.citation.docId} ${x.passage.section}`);
    for (const s of sections) expect(sections.filter((t) => t === s).length).toBeLessThanOrEqual(2);
  });
});

describe('when the asker needs it', () => {
  it('reads an evening or night-time clock time as the out-of-hours route', () => {
    expect(kb.rewriteTyping('its 10pm who do i call')).toContain('out of hours');
    expect(kb.rewriteTyping('at 2.30am the police rang')).toContain('out of hours');
    expect(kb.rewriteTyping('its 11am who do i call')).not.toMatch(/out of hours|11|am\b/);
    const r = ask("it's 8pm and a child is at risk, who do I phone in stoke", 'stoke-on-trent');
    expect(r.answered).toBe(true);
    expect(r.results.slice(0, 3).some((x) => /Out of Hours Emergency Duty Team/i.test(x.passage.display))).toBe(true);
  });
});

describe('language', () => {
  it("a victim whose English is limited finds what the documents say about interpreters and a victim's first language", () => {
    const r = ask("dad's english is poor, is it ok for his 9 year old to translate when I visit?", 'lambeth');
    expect(r.results.slice(0, 3).some((x) => /never\W+to be used as translators or interpreters/i.test(x.passage.display))).toBe(true);
  });
});

describe('timescale questions', () => {
  it('recognises time wording and time-stating passages', () => {
    expect(classifyQuestion('how soon must I tell the LADO').time).toBe(true);
    expect(classifyQuestion('deadline for the assessment').time).toBe(true);
    expect(classifyQuestion('who chairs MARAC').time).toBe(false);
    expect(shapeOf('followed up in writing within 48 hours').time).toBe(true);
    expect(shapeOf('a monthly meeting').time).toBe(true);
    // "How many days" asks for a timescale, not a statistic; number words state one too.
    expect(classifyQuestion('in how many working days is the report due').time).toBe(true);
    expect(classifyQuestion('in how many working days is the report due').stats).toBe(false);
    expect(shapeOf('the referral should be made within one working day').time).toBe(true);
    expect(shapeOf('Monday to Friday, 9am to 5pm').time).toBe(true);
    expect(shapeOf('the child and family assessment').time).toBe(false);
  });

  it('answers a timescale question with a passage that states the time', () => {
    const r = ask('how often is the DASH reviewed while the risk stays high', 'camden');
    expect(r.answered).toBe(true);
    expect(r.results.slice(0, 3).some((x) => /every 6 weeks/.test(x.passage.display))).toBe(true);
  });

  it('never answers from the national summary: a figure only it states is declined, with the summary first among the nearest', () => {
    const r = ask('what number of DASH ticks is visible high risk', 'lambeth');
    expect(r.answered).toBe(false);
    expect(r.nearest?.[0]?.citation.docId).toBe('national-guidance');
    expect(r.nearest?.[0]?.passage.display).toMatch(/14 or more ticks/);
    // Answers the local documents give never cite it.
    const local = ask('who do I email a LADO referral to in Lambeth', 'lambeth');
    expect(local.answered).toBe(true);
    expect(local.results.every((x) => x.citation.docId !== 'national-guidance')).toBe(true);
  });
});

describe("practitioners' words for the documents' terms", () => {
  it('a parent who will not engage finds what the documents say about non-engagement', () => {
    const r = ask("the father won't engage with us at all, is the perpetrator risk tool still done", 'sutton');
    expect(r.results.slice(0, 3).some((x) => /non engagement/i.test(x.passage.display))).toBe(true);
  });
});

describe("the asker's own authority", () => {
  it("puts the asker's own passage first when it covers more of the question than another authority's", () => {
    const r = ask('a family on my team has no recourse to public funds, what does that mean for me as the manager', 'sutton');
    expect(r.results[0]?.citation.docId).toBe('sutton-practice-directive-26');
    expect(r.results[0]?.passage.display).toMatch(/Oversight from a manager must be sought in cases where there is NRTPF/);
  });
});

describe('a negated verb and a name', () => {
  it('reads "can\'t agree" as a disagreement, and a passage matching only the service\'s name does not lead the one that answers', () => {
    expect(kb.rewriteTyping("we can't agree with them")).toBe('we disagree with them');
    const r = ask("we can't agree with solace about a family, who do we escalate to", 'camden');
    expect(r.results[0]?.passage.display).toMatch(/escalation policy should be followed/);
  });
});

describe('a question that names an authority', () => {
  it("answers from that authority's document first, even when another's passage matches more words", () => {
    const r = ask('would a family from camden go to a refuge in the borough itself? who runs them', 'wandsworth');
    expect(r.results[0]?.citation.docId).toBe('camden-joint-protocol');
  });
});

describe('contact wording', () => {
  it('"call" that names a thing does not ask for a number; "call" that rings someone does', () => {
    expect(classifyQuestion('what do people call the risk checklist, and who is it for').phone).toBe(false);
    expect(classifyQuestion('the thing they call a RiC, what is it').phone).toBe(false);
    expect(classifyQuestion('who do I call about a LADO worry').phone).toBe(true);
    expect(classifyQuestion('could he have put a tracker on her phone').phone).toBe(false);
    expect(classifyQuestion('what is the phone number for the MASH').phone).toBe(true);
  });
});

describe('definitions', () => {
  it('puts the passage that defines an acronym through its expansion first', () => {
    const r = ask('what is AVITH', 'staffordshire');
    expect(r.results[0]?.passage.display).toMatch(/^Adolescent to parent violence and abuse may be referred to/);
  });

  it('finds what is being defined inside a longer message, and what "that" points back to', () => {
    expect(classifyQuestion('the officer wrote that they had done a DIAL on my family - what is that?').definitionOf).toEqual(['dial']);
    expect(classifyQuestion('sorry, new here, but what exactly is an IDVA and how do I refer').definitionOf).toEqual(['idva']);
    expect(classifyQuestion("is clare's law even a real thing").definitionOf).toEqual(['clare', 'law']);
    expect(classifyQuestion('what is the process when dad is in prison and mum wants contact').definitionOf).toBeUndefined();
  });

  it('puts the passage that introduces a term by name ("known as a …") first, with the meaning signal as the bot runs', async () => {
    const answerer = createPolicyAnswerer(kb);
    await answerer.whenReady();
    const r = await answerer.answer("police mentioned a DIAL - what's that", { authority: 'staffordshire' });
    expect(r.results[0]?.passage.display).toMatch(/known as a DIAL/);
  });
});

describe('segmentation', () => {
  it('keeps a heading-like lead-in with what it introduces', () => {
    expect(isLeadIn('How to be prepared to leave urgently:')).toBe(true);
    expect(isLeadIn('This is a whole sentence.')).toBe(false);
    // Only a lead-in that ends its section (nothing to join) may stand alone.
    const passages = kb.store.passages;
    const lone = passages.filter((p, i) => isLeadIn(p.text) && passages[i + 1]?.anchor === p.anchor);
    expect(lone.map((p) => p.id)).toEqual([]);
  });
});

describe('a case told first, then the question (kinds from the thirty-ninth to forty-first calibration batches, in other words)', () => {
  it('finds where a long message starts asking: the first asking clause of the last sentence that asks', () => {
    const text = 'popped round after school, dad was on the sofa and the baby was asleep upstairs. who do i tell first and should i write it up today';
    expect(words(text)[askStart(text)]).toBe('who');
    expect(askStart('can i share the dash with the school')).toBe(0);
    expect(askStart('mum was upset, what now')).toBe(0); // too short a case to set apart
  });

  it('weighs a word told in the case at a share of the same word asked about', () => {
    const told = expandQuery(kb, 'nan rang in tears last night saying the neighbours called the police again. what do i do about the refuge', '');
    const asked = expandQuery(kb, 'what do i do about the neighbours and the refuge', '');
    const weight = (plan: typeof told, label: string) => plan.concepts.find((c) => c.label === label)!.weight;
    expect(weight(told, 'neighbours')).toBeCloseTo(weight(asked, 'neighbours') * SITUATION_SHARE);
    expect(weight(told, 'refuge')).toBeCloseTo(weight(asked, 'refuge'));
  });

  it('weighs a word no document uses, told in the case, as a detail rather than a sign the question is off-topic', () => {
    const told = expandQuery(kb, 'dad works as a plasterer on nights and mum does the school run. what do i do about the refuge', '');
    const asked = expandQuery(kb, 'what do i do about the plasterer and the refuge', '');
    const concept = (plan: typeof told) => plan.concepts.find((c) => c.label === 'plasterer')!;
    expect(concept(told).unseen && concept(asked).unseen).toBe(true);
    expect(concept(told).weight).toBeCloseTo(concept(asked).weight * UNSEEN_TOLD_SHARE);
    expect(UNSEEN_TOLD_SHARE).toBeLessThan(SITUATION_SHARE);
  });

  it('reads an acronym typed one letter wrong as the acronym, never an everyday or document word', () => {
    const fix = acronymTypoFixer(['MARAC', 'DASH', 'IDSVA'], (w) => ['start', 'march'].includes(w));
    expect(fix('is this one going to marak')).toBe('is this one going to MARAC');
    expect(fix('she has no cash')).toBe('she has no cash'); // four letters: too near everyday words
    expect(fix('we start in march')).toBe('we start in march');
    expect(fix('the idsva is off')).toBe('the idsva is off'); // the acronym itself, already right
    expect(kb.rewriteTyping('someone said the case is going to mamba?')).toContain('MAMDA');
  });

  it('reads "fm" as forced marriage and "diff" as difference', () => {
    expect(kb.rewriteTyping('fm worry on a case')).toBe('forced marriage worry on a case');
    expect(kb.rewriteTyping('whats the diff')).toContain('difference');
  });

  it('answers a "what is the difference" question typed short, instead of declining it', () => {
    expect(ask('family meeting vs fgc, whats the diff', 'wandsworth').answered).toBe(true);
  });
});

describe('quick questions from a visit, the situation first (kinds from the forty-second to forty-fourth calibration batches, in other words)', () => {
  it('reads "who should i let know" as keeping partner agencies informed', () => {
    const r = ask('mum went back to him from the refuge, who should i let know', 'stoke-on-trent');
    expect(r.answered).toBe(true);
    expect(r.results.slice(0, 3).some((x) => /keep partner agencies informed/i.test(x.passage.display))).toBe(true);
  });

  it('reads "split" as separation, and the side of a case as no topic of its own', () => {
    const plan = expandQuery(kb, 'they split last month, anything on the dv side', '');
    const side = plan.concepts.find((c) => c.label === 'side');
    const split = plan.concepts.find((c) => c.label === 'split');
    expect(side?.weight).toBeLessThan(split!.weight);
    expect(split?.unseen).toBeFalsy();
    expect(split?.alternatives.flat()).toEqual(expect.arrayContaining(['separ']));
  });
});

describe('a manager or a practitioner mid-visit, in their own words (kinds from the forty-fifth to forty-seventh calibration batches, in other words)', () => {
  const concept = (q: string, label: string) => expandQuery(kb, normaliseQuestion(kb, q), '').concepts.find((c) => c.label === label);

  it('reads a conversation written up as recorded, and holding off as delaying', () => {
    expect(normaliseQuestion(kb, 'should my convos with the school go on the file')).toContain('conversations');
    expect(concept('do i need to write up the call with the police', 'write up')?.alternatives.flat()).toEqual(expect.arrayContaining(analyze('recorded')));
    expect(concept('should we hold off on the plan until the conference', 'hold off')?.alternatives.flat()).toEqual(expect.arrayContaining(analyze('delay')));
  });

  it('reads sofa surfing as homelessness, and ending involvement as closing the case', () => {
    expect(concept('dad is sofa surfing at his brothers, where do i send letters', 'sofa surfing')?.alternatives.flat()).toEqual(
      expect.arrayContaining(analyze('homeless')),
    );
    expect(concept('what has to be in place before we end our involvement', 'end our involvement')?.alternatives.flat()).toEqual(
      expect.arrayContaining(analyze('closure')),
    );
  });

  it('reads a bag packed to leave in a hurry, a plan looked at again, and getting him out', () => {
    expect(concept('should she keep a grab bag by the door', 'grab bag')?.alternatives.flat()).toEqual(expect.arrayContaining(analyze('urgently')));
    expect(concept('when does the plan get looked at again', 'looked at again')?.alternatives.flat()).toEqual(expect.arrayContaining(analyze('reviewed')));
    expect(concept('can we get him out rather than move the kids', 'get him out')?.alternatives.flat()).toEqual(
      expect.arrayContaining(analyze('remove the perpetrator')),
    );
  });

  it('weighs filler typed around a topic ("plus", "stuff", "-wise", "sort") as no topic of its own', () => {
    const plan = expandQuery(kb, 'nrpf plus housing stuff, risk wise what do i sort first', '');
    for (const label of ['plus', 'stuff', 'wise', 'sort']) {
      expect(plan.concepts.find((x) => x.label === label)?.weight).toBeLessThanOrEqual(0.5);
    }
  });
});

describe('one long sentence, the case first, the question after a dash or a comma (kinds from the forty-eighth to fiftieth calibration batches, in other words)', () => {
  const concept = (q: string, label: string) => expandQuery(kb, normaliseQuestion(kb, q), '').concepts.find((c) => c.label === label);

  it('finds the asking clause in a message of one sentence, after a dash or after a comma', () => {
    const dashed = 'nan has the kids most nights now and mum is staying at her sisters - do we still need to see dad on his own';
    expect(words(dashed)[askStart(dashed)]).toBe('do');
    const comma = 'dropped off the letter at the house this afternoon and nobody answered the door, is the letter enough';
    expect(words(comma)[askStart(comma)]).toBe('is');
    // A told clause is not the question: "when I visited …", "who drinks …", "and is a risk …"
    const told = 'nan rang this morning, when I got there the baby was crying and dad who drinks a lot was asleep, should I tell the HV';
    expect(words(told)[askStart(told)]).toBe('should');
    const andIs = 'dad is back living there and is a worry to the school and mum will not engage, what should i do';
    expect(words(andIs)[askStart(andIs)]).toBe('what');
  });

  it('reads a sibling as a child, asking anonymously as the documents\u2019 no-names basis, and a walk-in as a drop-in', () => {
    expect(concept('can her older sibling sit in on the visit', 'sibling')?.alternatives.flat()).toEqual(expect.arrayContaining(analyze('children')));
    expect(concept('can i ask csc something anonymously first', 'anonymously')?.alternatives.flat()).toEqual(expect.arrayContaining(analyze('no-names')));
    expect(concept('any walk in places for dads', 'walk in')?.alternatives.flat()).toEqual(expect.arrayContaining(analyze('drop-in')));
  });

  it('declines a question about the council’s own services to residents, pointing to the council', () => {
    const r = ask('when do the recycling bins get collected in sutton', 'sutton');
    expect(r.decline?.reason).toBe('out-of-scope');
  });

  it('declines a question about an uncovered council’s own procedure even when a covered one is named too', () => {
    const r = ask('family moving from lambeth to croydon next month, what does croydons own procedure say about transfer meetings', 'lambeth');
    expect(r.decline?.reason).toBe('uncovered-authority');
    // Naming an uncovered council only as where the family is going still answers from the asker's own documents.
    expect(ask('family moving from lambeth to croydon next month, who do i tell about the move', 'lambeth').decline).toBeUndefined();
    // A covered council named after it is the one asked about (found in review).
    expect(ask('a referral came in from croydon safeguarding procedures team, what does lambeth expect me to do next', 'lambeth').decline).toBeUndefined();
  });

  it('declines how soon a conference must be held, typed as a bare timescale', () => {
    expect(ask('rcpc timescale please', 'camden').decline?.reason).toBe('out-of-scope');
  });

  it('declines a staff member asking about paid leave, a section 17 spending limit, and how long an order lasts', () => {
    expect(ask('can i get paid leave to go to court with my sister', 'lambeth').decline?.reason).toBe('out-of-scope');
    expect(ask('is there a cap on s17 payments for a new cooker', 'sutton').decline?.reason).toBe('out-of-scope');
    expect(ask('how long a occupation order lasts once granted', 'wandsworth').decline?.reason).toBe('out-of-scope');
  });
});

describe('the asker’s verbs, plurals and everyday names (kinds from the fifty-second to fifty-fifth calibration batches, in other words)', () => {
  const concept = (q: string, label: string) => expandQuery(kb, normaliseQuestion(kb, q), '').concepts.find((c) => c.label === label);

  it('weighs a word no document uses less when the question only uses it as a verb than when it names a thing', () => {
    const verb = concept('does a baby in the house bump the scale up', 'bump');
    const thing = concept('where do i get a lanyard for the office', 'lanyard');
    expect(verb?.unseen && thing?.unseen).toBe(true);
    expect(verb!.weight).toBeLessThan(thing!.weight);
    // A plain action, a place after "in", and an adjective naming a kind of thing still count in full.
    expect(concept('where can i park in the office', 'park')?.weight).toBe(thing!.weight);
    expect(concept('can i merge two records in the system', 'merge')?.weight).toBe(thing!.weight);
    expect(doingWords('who sits on the steering group')).not.toContain('steering');
    expect(doingWords("he's gonna sound them out")).not.toContain('');
  });

  it('answers questions phrased with verbs the documents never use, with the meaning signal as the bot runs', async () => {
    const answerer = createPolicyAnswerer(kb);
    await answerer.whenReady();
    const noNames = await answerer.answer('could i sound out the contact team about a family anonymously before i refer', { authority: 'camden' });
    expect(noNames.answered).toBe(true);
    expect(noNames.results.slice(0, 3).some((r) => /no-names basis/i.test(r.passage.display))).toBe(true);
    const mandatory = await answerer.answer('is the online dv course compulsory for staff here', { authority: 'lambeth' });
    expect(mandatory.answered).toBe(true);
    expect(mandatory.results[0]?.passage.display).toMatch(/mandatory online Domestic Abuse training/);
  });

  it('reads plural shorthand, a genogram as a family tree, the matrix as a grid, and "on there own"', () => {
    expect(normaliseQuestion(kb, 'auditing three CFAs this week')).toContain('child and family assessments');
    expect(normaliseQuestion(kb, 'how many ppns before we step up')).toContain('police notifications');
    expect(concept('what is a family tree for on a visit', 'family tree')?.alternatives.flat()).toEqual(expect.arrayContaining(analyze('genogram')));
    expect(concept('which grid do we score the risk on', 'grid')?.alternatives.flat()).toEqual(expect.arrayContaining(analyze('matrix')));
    expect(normaliseQuestion(kb, 'how do i see the kids on there own')).toContain('on their own');
  });

  it('does not take whether two services talk to each other for a request for a number, and reads "a weekly thing" as a frequency', () => {
    const q = classifyQuestion('does the idva service speak to the refuge staff about each family, or is it a weekly thing');
    expect(q.phone || q.email).toBe(false);
    expect(q.time).toBe(true);
    for (const other of ['do idvas speak to the refuge staff', 'does mash talk to the police after a callout', 'do they talk to each other']) {
      expect(classifyQuestion(other).phone).toBe(false);
    }
    expect(classifyQuestion('who do i speak to about a refuge place').phone).toBe(true);
  });
});
