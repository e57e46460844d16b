import { clausesOf, createTriager, loadIndicatorMeaning, loadTriageKnowledge, readIndicators, type Triager } from '../../knowledge/triage';

/** The second reader: meaning, clause by clause, joined to the patterns. The test's own sentences. */
let triager: Triager;

beforeAll(async () => {
  triager = createTriager(loadTriageKnowledge(), loadIndicatorMeaning());
  await triager.whenReady();
});

describe('clauses', () => {
  test('a note is cut at sentences, semicolons, dashes and turns ("but", "and then")', () => {
    expect(
      clausesOf(
        'HV visited the family today; the baby is well. Mum was very quiet - says dad is fine but she seemed really scared, and then she started crying.',
      ),
    ).toEqual([
      'HV visited the family today',
      'the baby is well.',
      'Mum was very quiet',
      'says dad is fine',
      'she seemed really scared',
      'she started crying.',
    ]);
    // Pieces too short to mean anything on their own are left out.
    expect(clausesOf('Kids ok; no change.')).toEqual([]);
  });
});

describe('the meaning reader', () => {
  test('it is loaded with the indicator examples the build encoded', () => {
    expect(triager.meaningReady).toBe(true);
  });

  test('a harm nobody wrote a pattern for is suggested, marked as meaning', async () => {
    const r = await triager.readMeaning('She says he sat on her chest until she went dizzy and could not get air.');
    expect(r.findings.map((f) => f.id)).toContain('strangulation');
    expect(r.findings.every((f) => f.source === 'meaning' && (f.similarity ?? 0) > 0)).toBe(true);
  });

  test('a clause that says nothing of risk suggests nothing', async () => {
    const r = await triager.readMeaning('The children are settled at school and both parents come to parents evening.');
    expect(r.findings).toEqual([]);
    expect(r.unexplained).toEqual([]);
  });

  test('a negated clause is left to the patterns (meaning does not read "not")', async () => {
    const r = await triager.readMeaning('There was no weapon and nobody was strangled.');
    expect(r.findings).toEqual([]);
  });

  test('one clause suggests at most one indicator', async () => {
    const text = 'He grabbed her by the neck and she could not breathe.';
    const r = await triager.readMeaning(text);
    expect(r.findings.length).toBeLessThanOrEqual(clausesOf(text).length);
  });

  test('a suggestion counts towards the pathway until it is unticked', async () => {
    const description = 'Mum whispered that he sat on her chest until she went dizzy and could not get air. Kids 4 and 7.';
    const read = await triager.triage({ authority: 'camden', description });
    const suggested = read.read.filter((i) => i.source === 'meaning').map((i) => i.id);
    expect(read.pathway).toBe('child-protection');
    if (suggested.length) {
      const unticked = await triager.triage({ authority: 'camden', description, overrides: { remove: suggested } });
      expect(unticked.read.some((i) => i.source === 'meaning')).toBe(false);
    }
  });

  test('harm that neither reader can name raises the level and says so', async () => {
    // Lines that no clause can reach as a finding, and any severe nearness as harm.
    const r = await triager.readMeaning('He pressed his forearm into her until she went dizzy and saw stars.', { finding: 2, margin: 0, harm: 0 });
    expect(r.findings).toEqual([]);
    expect(r.unexplained.length).toBeGreaterThan(0);
    const { triage } = await import('../../knowledge/triage');
    const base = triage(triager.tk, { authority: 'lambeth', description: 'Kids 8 and 11.' });
    const raised = triage(triager.tk, { authority: 'lambeth', description: 'Kids 8 and 11.', meaning: r });
    expect(raised.level!).toBeGreaterThan(base.level!);
    expect(raised.level!).toBeGreaterThanOrEqual(3);
    expect(raised.reasons.map((x) => x.text).join(' ')).toMatch(/I may have missed something in your description/);
  });
});

describe('case-note shorthand and findings that rule others out', () => {
  test('capitals for family members are read as the words ("F is at the gate now")', async () => {
    const read = await triager.triage({ authority: 'lambeth', description: 'School rang: F is at the gate now trying to take the 8yo. M has a court order.' });
    expect(read.pathway).toBe('emergency');
    expect(read.read.find((i) => i.id === 'immediate-danger')?.evidence).toMatch(/dad is at the gate/);
  });

  test('"M&S" and "F1" stay as written', () => {
    expect(readIndicators(triager.tk, 'M&S voucher and an F1 poster for the 10yo').indicators.map((i) => i.id)).not.toContain('male-person-causing-harm');
  });

  test('a clause nearer to what an indicator must not match than to its examples is not suggested as it', async () => {
    const r = await triager.readMeaning('Latest DASH (Oct) standard risk.');
    expect(r.findings.map((f) => f.id)).not.toContain('dash-high-risk');
    const young = await triager.readMeaning('She had her eldest at 15.');
    expect(young.findings.map((f) => f.id)).not.toContain('forced-marriage');
  });

  test('a first ever police call-out is never suggested as repeated call-outs', async () => {
    const read = await triager.triage({
      authority: 'camden',
      description: 'First ever police attendance at the address. Neighbour heard raised voices, no violence. Kids 10 and 13 asleep.',
    });
    const ids = read.read.map((i) => i.id);
    expect(ids).toContain('first-concern');
    expect(ids).not.toContain('repeat-police');
  });
});
