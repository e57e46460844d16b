import { decideTriage, type TriageFacts, type TriageResult } from '../../knowledge/triage';
import { toContractLine } from '../../scripts/triage';
import { knowledge, run } from './helpers';

const noFacts: TriageFacts = { childAges: [], unborn: false, immediateDanger: false };
const decide = (authority: string, indicatorIds: string[], facts: Partial<TriageFacts> = {}) =>
  decideTriage(knowledge(), { authority, indicatorIds, facts: { ...noFacts, ...facts } });
const refs = (r: TriageResult) => r.referrals.map((x) => x.id);
const ruleIds = (r: TriageResult) => r.firedRules.map((x) => x.id);
const AUTHORITIES = ['sutton', 'lambeth', 'stoke-on-trent', 'staffordshire', 'camden', 'wandsworth'];

describe('levels and pathways', () => {
  it('the highest level wins', () => {
    const r = decide('camden', ['verbal-abuse', 'physical-violence', 'weapon'], { childAges: [10] });
    expect(r.level).toBe(4);
    expect(r.pathway).toBe('child-protection');
  });

  it('maps scales to pathways: 1-2 early help, 3 child in need, 4 child protection', () => {
    expect(decide('lambeth', ['verbal-abuse'], { childAges: [9] }).pathway).toBe('early-help');
    expect(decide('lambeth', ['jealousy-possessiveness'], { childAges: [9] }).pathway).toBe('child-in-need');
    expect(decide('lambeth', ['threats-to-kill'], { childAges: [9] }).pathway).toBe('child-protection');
  });

  it('a child under 7 raises the level by one and says why', () => {
    const older = decide('wandsworth', ['physical-violence'], { childAges: [9] });
    const young = decide('wandsworth', ['physical-violence'], { childAges: [4, 9] });
    expect(older.level).toBe(2);
    expect(young.level).toBe(3);
    expect(young.uplift).toMatch(/under 7/);
  });

  it('a young child takes scale 3 to child protection only with violence, an injury or harm to a child, and says so otherwise', () => {
    const control = decide('lambeth', ['jealousy-possessiveness'], { childAges: [4, 9] });
    expect(control.pathway).toBe('child-in-need');
    expect(control.consider).toMatch(/can raise scale 3 to scale 4.*discuss with your manager/);
    expect(control.reasons.map((x) => x.text)).toContain(control.consider);
    const injured = decide('lambeth', ['jealousy-possessiveness', 'minor-injury'], { childAges: [4, 9] });
    expect(injured.pathway).toBe('child-protection');
    expect(injured.uplift).toMatch(/scale 3 raised to scale 4/);
    expect(injured.consider).toBeUndefined();
  });

  it('a young child takes scale 2 to child in need with physical violence, and otherwise says what would', () => {
    const verbal = decide('wandsworth', ['verbal-abuse', 'third-party-concerns'], { childAges: [5] });
    expect(verbal.pathway).toBe('early-help');
    expect(verbal.consider).toMatch(/can raise scale 2 to scale 3/);
    expect(decide('wandsworth', ['physical-violence'], { childAges: [5] }).pathway).toBe('child-in-need');
    expect(decide('wandsworth', ['verbal-abuse', 'third-party-concerns', 'child-special-needs'], { childAges: [9] }).pathway).toBe('child-in-need');
  });

  it("a local rule that grades drink or mental health alone sets its level but is not raised by a young child's age", () => {
    const r = decide('camden', ['verbal-abuse', 'substance-misuse'], { childAges: [4] });
    expect(r.pathway).toBe('child-in-need');
    expect(ruleIds(r)).toContain('camden-scale3-other-risks');
  });

  it('special needs raise the level too', () => {
    const r = decide('sutton', ['physical-violence', 'child-special-needs'], { childAges: [11] });
    expect(r.level).toBe(3);
    expect(r.uplift).toBeDefined();
  });

  it('when the ages are unknown it goes one level up and says why', () => {
    const r = decide('staffordshire', ['physical-violence']);
    expect(r.level).toBe(3);
    expect(r.escalatedForSafety).toMatch(/ages/);
    expect(r.missingFacts.map((q) => q.id)).toContain('child-ages');
  });

  it('immediate danger is an emergency with 999 first, then out-of-hours', () => {
    const r = run('stoke-on-trent', 'He is outside the house right now banging on the door; the children are 4 and 8.');
    expect(r.pathway).toBe('emergency');
    expect(r.contacts[0]!.phone).toBe('999');
    expect(JSON.stringify(r.contacts)).toContain('01782 234234');
    expect(refs(r)).toContain('police');
    expect(r.nextSteps[0]!.text).toMatch(/999/);
  });

  it('no child in the household gives adult routes, with no matrix level', () => {
    const r = run('camden', 'She has no children. Her partner punched her and the DASH score is 16.');
    expect(r.pathway).toBe('adult-services');
    expect(r.level).toBeNull();
    expect(refs(r)).toEqual(expect.arrayContaining(['marac', 'idva']));
  });

  it('a child named in the household keeps the children\'s pathway when "no one else" lives there', () => {
    const r = run('lambeth', 'Mum and her two boys, nobody else lives at the address. He slapped her last night.');
    expect(r.pathway).not.toBe('adult-services');
  });

  it('anything read about a child outweighs "no children", however it was read', () => {
    const r = run('sutton', "No children in the household per police. Neighbour heard a boy shouting 'get off my mummy'.");
    expect(r.read.map((i) => i.id)).toContain('no-children');
    expect(r.pathway).toBe('child-protection');
  });

  it("an unborn baby keeps the children's pathway even with no other child", () => {
    const r = run('lambeth', 'She has no children yet but is 20 weeks pregnant; he slapped her.');
    expect(r.pathway).not.toBe('adult-services');
  });

  it('where documents grade the same indicator differently, the higher wins and the result says why', () => {
    const r = decide('camden', ['pregnancy'], { unborn: true });
    expect(r.level).toBe(4);
    expect(r.gradingNotes.join(' ')).toMatch(/pregnan.*scale 3.*scale 4|scale 4.*scale 3/i);
  });
});

describe('national rules', () => {
  it('DASH 14 or more means MARAC and IDVA', () => {
    expect(refs(decide('wandsworth', ['physical-violence'], { childAges: [9], dashScore: 14 }))).toEqual(expect.arrayContaining(['marac', 'idva']));
    expect(refs(decide('wandsworth', ['physical-violence'], { childAges: [9], dashScore: 13 }))).not.toContain('marac');
  });

  it('three police call-outs in 12 months: potential escalation to MARAC', () => {
    expect(refs(decide('lambeth', ['police-involvement'], { childAges: [9], policeNotifications: 3 }))).toContain('marac');
  });

  it("Clare's Law right to ask", () => {
    expect(refs(run('stoke-on-trent', "Mum's new boyfriend may have a violent past and she wants to find out about his history."))).toContain('dvds');
  });

  it('a position of trust means LADO in every authority', () => {
    for (const a of AUTHORITIES) expect(refs(decide(a, ['physical-violence'], { childAges: [9], positionOfTrust: 'teacher' }))).toContain('lado');
  });

  it('scale 4 means a strategy meeting', () => {
    expect(refs(decide('camden', ['child-hurt'], { childAges: [9] }))).toContain('strategy-meeting');
  });
});

describe("each authority's rules", () => {
  it('Sutton: IDVA on every case; FGM/forced marriage -> senior management and strategy meeting; NRTPF -> manager oversight; male perpetrator -> Men and Masculinities', () => {
    expect(refs(decide('sutton', ['verbal-abuse'], { childAges: [10] }))).toContain('idva');
    const fm = run('sutton', 'Her uncle is forcing their 15-year-old daughter into marriage.');
    expect(refs(fm)).toEqual(expect.arrayContaining(['senior-management', 'strategy-meeting']));
    expect(fm.pathway).toBe('child-protection');
    expect(refs(decide('sutton', ['nrpf-immigration'], { childAges: [10] }))).toContain('manager-oversight');
    expect(refs(run('sutton', 'Dad pushed mum; the children are 9 and 12.'))).toContain('perpetrator-programme');
    expect(
      run('sutton', 'Mum called him names once; son is 10.')
        .nextSteps.map((s) => s.text)
        .join(' '),
    ).toMatch(/AMBER|MAMDA/);
  });

  it('Camden: three police notifications -> child and family assessment; risk levels map to IDSVA, CSN and Victim Support', () => {
    const r = decide('camden', ['verbal-abuse'], { childAges: [12], policeNotifications: 3 });
    expect(ruleIds(r)).toContain('camden-three-police-notifications');
    expect(r.level).toBeGreaterThanOrEqual(3);
    expect(ruleIds(decide('camden', ['weapon'], { childAges: [12] }))).toContain('camden-high-risk-idsva');
    expect(ruleIds(decide('camden', ['jealousy-possessiveness'], { childAges: [12] }))).toContain('camden-moderate-floating-support');
    expect(ruleIds(decide('camden', ['verbal-abuse'], { childAges: [12] }))).toContain('camden-standard-victim-support');
  });

  it('Lambeth: pre-birth assessment in pregnancy; 16-17 year olds at MARAC; LADO with its number', () => {
    expect(refs(run('lambeth', 'Mum is expecting a baby and her partner grabbed her arm.'))).toContain('pre-birth-assessment');
    expect(refs(run('lambeth', 'A 17-year-old says her boyfriend slaps her and checks her phone.'))).toContain('marac');
    const lado = run('lambeth', 'Her husband is a teacher and was arrested for assaulting her; their son is 8.');
    expect(refs(lado)).toContain('lado');
    expect(JSON.stringify(lado.contacts)).toContain('020 7926 4679');
  });

  it('Stoke-on-Trent and Staffordshire: police when a crime may have been committed, MARF within 48 hours, different teams and numbers', () => {
    const stoke = run('stoke-on-trent', 'Dad punched mum last night; the children are 6 and 9.');
    const staffs = run('staffordshire', 'Dad punched mum last night; the children are 6 and 9.');
    for (const r of [stoke, staffs]) {
      expect(refs(r)).toContain('police');
      expect(r.nextSteps.some((s) => /MARF/.test(s.text) && /48 hours/.test(s.timescale ?? ''))).toBe(true);
    }
    expect(JSON.stringify(stoke.contacts)).toContain('01782 235100');
    expect(JSON.stringify(staffs.contacts)).toContain('0800 13 13 126');
    expect(JSON.stringify(stoke.contacts)).not.toContain('0800 13 13 126');
    expect(refs(run('staffordshire', 'Mum says they argue a lot; the children are 10 and 12.'))).not.toContain('police');
  });

  it('Wandsworth: Hestia IDVA, Caring Dads, the DA social worker in the MASH', () => {
    const r = run('wandsworth', 'Dad hit mum and threatened her; she is scared of him. The DASH score is 15. Children are 5 and 8.');
    expect(refs(r)).toEqual(expect.arrayContaining(['idva', 'perpetrator-programme']));
    const contacts = JSON.stringify(r.contacts);
    expect(contacts).toContain('0203 879 3544');
    expect(contacts).toMatch(/MASH/);
    expect(r.firedRules.map((f) => f.id)).toContain('wandsworth-caring-dads');
  });

  it('every authority has its own contacts and a route for every pathway', () => {
    const tk = knowledge();
    const phones = new Set<string>();
    for (const a of AUTHORITIES) {
      const auth = tk.authorities[a]!;
      expect(auth).toBeDefined();
      for (const p of ['emergency', 'child-protection', 'child-in-need', 'early-help', 'adult-services'] as const) expect(auth.routes[p]).toBeDefined();
      phones.add(JSON.stringify(auth.contacts.map((c) => c.phone)));
    }
    expect(phones.size).toBe(AUTHORITIES.length);
  });
});

describe('citations', () => {
  const samples: [string, string][] = [
    ['camden', 'Mum says he called her names; the child is 11.'],
    ['sutton', 'Dad held a knife to mum; DASH 19; their son is 3.'],
    ['lambeth', 'Right now he is outside the flat threatening to kill her; baby is 4 months old.'],
    ['stoke-on-trent', 'She has no children; he strangled her.'],
    ['staffordshire', 'Mum says he controls the money; children are 8 and 10.'],
    ['wandsworth', 'Her new partner has a history of abusing previous partners; she wants to know about his past.'],
  ];
  it.each(samples)('%s: every pathway, referral, contact, step and rule traces to a passage', (authority, text) => {
    const r = run(authority, text);
    expect(r.citations.length).toBeGreaterThan(0);
    expect(r.reasons.find((x) => x.kind === 'pathway')!.citations.length).toBeGreaterThan(0);
    for (const x of r.referrals) expect(x.citations.length).toBeGreaterThan(0);
    for (const c of r.contacts) expect(c.citations.length).toBeGreaterThan(0);
    for (const s of r.nextSteps) expect(s.citation.passageId).toMatch(/#\d+$/);
    for (const f of r.firedRules) expect(f.citation.passageId).toMatch(/#\d+$/);
    for (const c of r.citations) {
      expect(c.text.length).toBeGreaterThan(0);
      expect(c.title.length).toBeGreaterThan(0);
    }
    expect(r.disclaimer).toBe('Discuss with your manager and follow local procedures; this is guidance, not a decision.');
  });

  it('the matrix is cited for other authorities and says so', () => {
    const r = run('wandsworth', 'Dad threatened mum with a knife; children are 9 and 12.');
    const matrix = r.citations.filter((c) => c.docId === 'camden-joint-protocol');
    expect(matrix.length).toBeGreaterThan(0);
    expect(matrix.every((c) => /matrix/i.test(c.note ?? ''))).toBe(true);
  });

  it('national rules cite the labelled national-guidance source', () => {
    const r = run('camden', 'She has no children. DASH score 18.');
    expect(r.citations.some((c) => c.docId === 'national-guidance' && c.national)).toBe(true);
  });
});

describe('safety floors, required referrals and the questions that change the pathway', () => {
  it('any sexual harm to a child is at least child protection, with a strategy meeting and the police', () => {
    for (const a of AUTHORITIES) {
      const r = decide(a, ['child-sexual-abuse'], { childAges: [9] });
      expect(r.pathway).toBe('child-protection');
      expect(refs(r)).toEqual(expect.arrayContaining(['strategy-meeting', 'police']));
    }
  });

  it("a child's account of harm at home with an injury seen is at least child in need", () => {
    const r = decide('lambeth', ['child-witnessed-distressed', 'minor-injury'], { childAges: [12] });
    expect(['child-in-need', 'child-protection']).toContain(r.pathway);
    expect(ruleIds(r)).toContain('floor-child-disclosure-injury');
  });

  it('a pregnant victim who was assaulted: police, IDVA, the local service and refuge, the helpline', () => {
    const r = decide('wandsworth', ['physical-violence'], { unborn: true });
    expect(refs(r)).toEqual(expect.arrayContaining(['police', 'idva', 'specialist-service']));
    expect(r.services.map((s) => s.name).join(' ')).toMatch(/National Domestic Abuse Helpline/);
    expect(r.nextSteps.map((s) => s.text).join(' ')).toMatch(/0808 2000 247/);
  });

  it('forced marriage: Forced Marriage Unit, a protection order, no mediation, an independent interpreter', () => {
    const r = decide('camden', ['forced-marriage'], { childAges: [16] });
    expect(refs(r)).toContain('forced-marriage-unit');
    const steps = r.nextSteps.map((s) => s.text).join(' ');
    expect(steps).toMatch(/Forced Marriage Protection Order/);
    expect(steps).toMatch(/Never attempt mediation/);
    expect(steps).toMatch(/independent, accredited interpreter/);
  });

  it('MARAC on a DASH of 14 or more for an adult victim with no children too', () => {
    const r = decide('sutton', [], { noChildren: true, dashScore: 15 });
    expect(r.pathway).toBe('adult-services');
    expect(refs(r)).toContain('marac');
  });

  it("a new partner with a history of abuse: Clare's Law", () => {
    expect(refs(decide('staffordshire', ['dvds-concern'], { childAges: [3] }))).toContain('dvds');
  });

  it('a person causing harm who works with children: the LADO', () => {
    expect(refs(decide('lambeth', ['position-of-trust', 'physical-violence'], { childAges: [8], positionOfTrust: 'coaches the under-11s' }))).toContain('lado');
  });

  it('a strangulation case lists strangulation, not the general physical-violence label it includes', () => {
    const r = decide('sutton', ['physical-violence', 'strangulation'], { childAges: [6] });
    expect(r.indicators.map((i) => i.id)).toEqual(['strangulation']);
  });
});

describe('answers to the questions that change the pathway', () => {
  it('"yes" adds, "no" removes, "don\'t know" on a severe question is a must-check with what a yes would mean', async () => {
    const { triage } = await import('../../knowledge/triage');
    const tk = knowledge();
    const description = 'Mum says her partner pushed her during a row. Kids 8 and 12.';
    const plain = triage(tk, { authority: 'camden', description });
    const yes = triage(tk, { authority: 'camden', description, overrides: { answers: { strangulation: 'yes' } } });
    expect(yes.pathway).toBe('child-protection');
    expect(yes.indicators.map((i) => i.id)).toContain('strangulation');
    const unknown = triage(tk, { authority: 'camden', description, overrides: { answers: { strangulation: 'unknown' } } });
    expect(unknown.pathway).toBe(plain.pathway);
    expect(unknown.mustCheck).toEqual([expect.objectContaining({ id: 'strangulation', ifYes: { pathway: 'child-protection', level: 4 } })]);
    const no = triage(tk, { authority: 'camden', description: 'He strangled her last night. Kids 8 and 12.', overrides: { answers: { strangulation: 'no' } } });
    expect(no.indicators.map((i) => i.id)).not.toContain('strangulation');
  });
});

describe('pathways of the sixty-fourth to sixty-sixth batches’ kinds', () => {
  it('a child already on a child protection plan: at least child protection, and the allocated social worker told today', () => {
    const r = run('lambeth', 'The children are on CP plans. Mum says he shouted at her last night.');
    expect(r.pathway).toBe('child-protection');
    expect(r.citations.some((c) => c.text.includes('subject to a child protection plan'))).toBe(true);
  });

  it('forced marriage with a flight within hours: 999 first', () => {
    expect(run('sutton', "A 16yo rang: 'they're making me marry him, the flight is in 3 hours'.").pathway).toBe('emergency');
  });

  it('a child under 16 whose partner is an adult: child protection', () => {
    expect(run('stoke-on-trent', "School are worried about a 14yo, her 'bf' is 23 and waits outside.").pathway).toBe('child-protection');
  });
});

describe('pathways of the eighty-second to eighty-sixth batches’ kinds (our own wording)', () => {
  const ids = (r: { read: { id: string }[] }) => r.read.map((i) => i.id);

  it('a child telling it as it happens, or hiding from it now: 999 first', () => {
    expect(run('sutton', "please come, he's kicking my mum in the hallway and my sister is crying").pathway).toBe('emergency');
    expect(run('camden', "we're hiding in the cupboard upstairs, dad is smashing the kitchen").pathway).toBe('emergency');
    // told as a habit, not as now
    expect(run('camden', "he's hitting my mum most nights when he drinks").pathway).not.toBe('emergency');
  });

  it('the children left with him after a serious assault: 999 first', () => {
    expect(run('lambeth', 'Mum taken to A&E with a broken nose; the kids are still there with him.').pathway).toBe('emergency');
    expect(run('wandsworth', 'Ambulance took her to hospital with a head wound; her partner said he would mind the kids.').pathway).toBe('emergency');
  });

  it('a DASH score set apart by a dash still counts: MARAC', () => {
    const r = run('lambeth', 'DASH completed by the duty worker with mum this afternoon – 16. Children 3 and 8.');
    expect(r.referrals.map((x) => x.id)).toContain('marac');
  });

  it('a person causing harm who works with children, by what he does: the LADO', () => {
    expect(ids(run('lambeth', 'Her partner is a DBS-checked swimming coach at the leisure centre.'))).toContain('position-of-trust');
    expect(ids(run('lambeth', 'He runs the Sunday morning under-10s netball sessions and slapped her on Friday.'))).toContain('position-of-trust');
  });

  it('a forced marriage said indirectly: at least child protection, with the Forced Marriage Unit', () => {
    const made = run('sutton', 'Girl, 15, says her uncles are arranging a marriage for her with a man in Bangladesh.');
    expect(made.pathway).toBe('child-protection');
    expect(made.referrals.map((x) => x.id)).toContain('forced-marriage-unit');
    expect(ids(run('camden', "His dad says they're taking him back home for good after Year 11 and a wife is waiting for him."))).toContain('forced-marriage');
    expect(ids(run('camden', 'She went abroad to meet the man she is meant to marry.'))).toContain('forced-marriage');
  });

  it('a threat that no one will be left is a threat to kill', () => {
    expect(ids(run('camden', "He told staff 'if she takes the kids there won't be anyone left'."))).toContain('threats-to-kill');
  });

  it("shame on the family's name is so-called honour-based abuse, with its specialist helpline", () => {
    const r = run('stoke-on-trent', 'Her cousins say she has put dirt on the family by seeing a boy. Her dad took her phone. She is 15.');
    expect(ids(r)).toContain('honour-based-abuse');
    expect(r.services.map((s) => s.name)).toContain('Karma Nirvana');
  });

  it('an injury seen after a breach of an order is violence in breach: child protection', () => {
    expect(
      run('wandsworth', 'He came round in the night even though the non-molestation order stops him. Mum had a cut lip in the morning. Children 9 and 11.')
        .pathway,
    ).toBe('child-protection');
  });

  it('notifications listed by date are repeat call-outs', () => {
    expect(ids(run('camden', 'Police notifications: 02/03 shouting, nfa; 14/05 mum asked him to leave; 30/06 neighbour heard banging.'))).toContain(
      'repeat-police',
    );
  });

  it('grown-up children who have moved away: adult routes', () => {
    expect(run('stoke-on-trent', "I'm 70, the children are grown up and moved away, and my husband pushes me about.").pathway).toBe('adult-services');
  });

  it('the specialist service a document names without a number is still a contact, and Lambeth families with no recourse are pointed to the NRPF team', () => {
    const tk = knowledge();
    const deaf = toContractLine(tk, 'd', run('wandsworth', 'Mum is Deaf and uses BSL. He pushed her into the wall last week. Boy aged 6.'));
    expect(deaf.contacts.map((c) => c.name)).toContain('SignHealth');
    const nrpf = run('lambeth', 'Mum has no recourse to public funds and he hits her. Kids 4 and 7.');
    expect(nrpf.contacts.map((c) => c.name)).toContain('NRPF team');
  });
});
