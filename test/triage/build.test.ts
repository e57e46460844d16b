import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { knowledgeDir } from '../../knowledge/paths';
import { compileTriageKnowledge, triage } from '../../knowledge/triage';
import { builtPassages } from './helpers';

/** A copy of knowledge/ to break one file in. */
function copyKnowledge(): string {
  const dir = mkdtempSync(join(tmpdir(), 'triage-data-'));
  cpSync(knowledgeDir, dir, { recursive: true, filter: (src) => !/\.ts$/.test(src) });
  return dir;
}

function edit(file: string, from: string | RegExp, to: string): void {
  const text = readFileSync(file, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`test setup: ${String(from)} not found in ${file}`);
  writeFileSync(file, next);
}

const compile = (dir: string) => () => compileTriageKnowledge(builtPassages(), { knowledgeDir: dir });

describe('triage knowledge build', () => {
  it('compiles the real data with every citation resolved', () => {
    const tk = compileTriageKnowledge(builtPassages());
    expect(Object.keys(tk.authorities).sort()).toEqual(['camden', 'lambeth', 'staffordshire', 'stoke-on-trent', 'sutton', 'wandsworth']);
    expect(tk.matrix.scales).toHaveLength(4);
    expect(tk.services.length).toBeGreaterThan(20);
    for (const s of tk.services) expect(s.citations[0]!.passageId).toMatch(/#\d+$/);
  });

  it('a quote that is in no passage fails with file:line', () => {
    const dir = copyKnowledge();
    edit(join(dir, 'authorities', 'sutton.yaml'), "quote: 'Mike Montrose-Francis'", "quote: 'Someone Who Is Not In The Document'");
    expect(compile(dir)).toThrow(/authorities\/sutton\.yaml:\d+: quote not found in any passage of sutton-practice-directive-26/);
  });

  it('an unknown indicator in a rule fails with file:line', () => {
    const dir = copyKnowledge();
    edit(join(dir, 'triage', 'rules.yaml'), 'when: young-person-own-relationship', 'when: no-such-indicator');
    expect(compile(dir)).toThrow(/triage\/rules\.yaml:\d+: unknown indicator "no-such-indicator"/);
  });

  it('a situation asked about in words no document uses fails with file:line: the answerer would search for nothing', () => {
    const dir = copyKnowledge();
    edit(join(dir, 'triage', 'indicators', 'context.yaml'), "askedAbout: ['forced marriage']", "askedAbout: ['betrothal ceremony']");
    expect(compile(dir)).toThrow(/triage\/indicators\/context\.yaml:\d+: forced-marriage: askedAbout "betrothal ceremony" is in no passage/);
  });

  it('a corpus with no indicator for danger now is refused: 999 first depends on it', () => {
    const dir = copyKnowledge();
    edit(join(dir, 'triage', 'indicators', 'incident-violence.yaml'), '    fact: immediateDanger\n', '');
    expect(compile(dir)).toThrow(/no indicator has "fact: immediateDanger"/);
  });

  it('two indicators standing for one fact fail with file:line', () => {
    const dir = copyKnowledge();
    edit(join(dir, 'triage', 'indicators', 'child.yaml'), '    fact: noChildren\n', '    fact: specialNeeds\n');
    expect(compile(dir)).toThrow(/triage\/indicators\/child\.yaml:\d+: child-special-needs: fact specialNeeds already stands for indicator "no-children"/);
  });

  it('a renamed danger-now indicator still sends danger to 999 first: the engine reads the fact, not the id', () => {
    const dir = copyKnowledge();
    for (const f of ['indicators/incident-violence.yaml', 'reading.yaml', 'rules.yaml']) {
      const file = join(dir, 'triage', f);
      writeFileSync(file, readFileSync(file, 'utf8').replace(/\bimmediate-danger\b/g, 'danger-right-now'));
    }
    const tk = compileTriageKnowledge(builtPassages(), { knowledgeDir: dir });
    const out = triage(tk, { authority: 'sutton', description: 'He is outside the door now with a knife, shouting he will kill her; the kids are 3 and 6.' });
    expect(out.read.map((i) => i.id)).toContain('danger-right-now');
    expect(out.pathway).toBe('emergency');
  });

  it('a wrong type fails with file:line', () => {
    const dir = copyKnowledge();
    edit(join(dir, 'matrix.yaml'), /- scale: 2\n/, '- scale: two\n');
    expect(compile(dir)).toThrow(/matrix\.yaml:\d+: /);
  });

  it('a pattern that does not compile fails with file:line', () => {
    const dir = copyKnowledge();
    edit(join(dir, 'triage', 'indicators', 'incident-violence.yaml'), "      - 'strang(?:l|ul)\\w*'", "      - 'strang((?:l|ul)\\w*'");
    expect(compile(dir)).toThrow(/triage\/indicators\/incident-violence\.yaml:\d+: .*regular expression/);
  });

  it("an indicator's must-match sentence that does not read as it fails with file:line", () => {
    const dir = copyKnowledge();
    const file = join(dir, 'triage', 'indicators', 'incident-violence.yaml');
    writeFileSync(
      file,
      `${readFileSync(file, 'utf8')}  - id: test-bunch\n    label: Flowers\n    phrases: [a bunch of flowers]\n    mustMatch: ['she brought flowers home']\n`,
    );
    expect(compile(dir)).toThrow(/incident-violence\.yaml:\d+: test-bunch: "she brought flowers home" must read as this indicator/);
  });

  it("an indicator's must-not-match sentence that reads as it fails with file:line", () => {
    const dir = copyKnowledge();
    const file = join(dir, 'triage', 'indicators', 'incident-violence.yaml');
    writeFileSync(
      file,
      `${readFileSync(file, 'utf8')}  - id: test-knife\n    label: Knife\n    phrases: [a knife]\n    mustNotMatch: ['he waved a knife at her']\n`,
    );
    expect(compile(dir)).toThrow(/incident-violence\.yaml:\d+: test-knife: "he waved a knife at her" must not read as this indicator/);
  });

  it('an indicator file named for no group fails, and so does an id defined twice', () => {
    const dir = copyKnowledge();
    writeFileSync(join(dir, 'triage', 'indicators', 'misc.yaml'), 'indicators:\n  - id: extra\n    label: Extra\n    phrases: [extra words]\n');
    expect(compile(dir)).toThrow(/misc\.yaml:1: the file name must be one of the groups/);
    rmSync(join(dir, 'triage', 'indicators', 'misc.yaml'));
    writeFileSync(
      join(dir, 'triage', 'indicators', 'context.yaml'),
      readFileSync(join(dir, 'triage', 'indicators', 'context.yaml'), 'utf8') + '  - id: weapon\n    label: Again\n    phrases: [again]\n',
    );
    expect(compile(dir)).toThrow(/\.yaml:\d+: indicator "weapon" is also defined in .*\.yaml/);
  });

  it('a YAML syntax error fails with file:line', () => {
    const dir = copyKnowledge();
    edit(join(dir, 'authorities', 'camden.yaml'), 'name: Camden\n', 'name: Camden: broken: here\n');
    expect(compile(dir)).toThrow(/authorities\/camden\.yaml:\d+: /);
  });

  it('an unknown contact in a route fails with file:line', () => {
    const dir = copyKnowledge();
    edit(join(dir, 'authorities', 'wandsworth.yaml'), 'contacts: [wandsworth-links]\n    nextSteps', 'contacts: [nobody]\n    nextSteps');
    expect(compile(dir)).toThrow(/authorities\/wandsworth\.yaml:\d+: unknown contact "nobody"/);
  });

  it('every escalation route is compiled with its citation resolved, and only for the authority whose file holds it', () => {
    const tk = compileTriageKnowledge(builtPassages());
    for (const a of Object.values(tk.authorities))
      for (const e of a.escalation) {
        expect(e.citations.length).toBeGreaterThan(0);
        for (const c of e.citations) expect(c.authorities).toContain(a.id);
      }
  });

  it('an escalation quote the document does not contain fails with file:line', () => {
    const dir = copyKnowledge();
    edit(join(dir, 'authorities', 'camden.yaml'), "quote: 'Any disagreements or disputes", "quote: 'Disagreements go to the Director");
    expect(compile(dir)).toThrow(/authorities\/camden\.yaml:\d+: quote not found in any passage of camden-joint-protocol/);
  });

  it('an escalation entry with an unknown topic or contact fails with file:line', () => {
    const dir = copyKnowledge();
    edit(join(dir, 'authorities', 'wandsworth.yaml'), '  - topic: idva\n', '  - topic: helicopter\n');
    expect(compile(dir)).toThrow(/authorities\/wandsworth\.yaml:\d+: unknown escalation topic "helicopter"/);
    const again = copyKnowledge();
    edit(
      join(again, 'authorities', 'wandsworth.yaml'),
      "contacts: [hestia-idva]\n    cite: { doc: wandsworth-practice-approach, quote: 'including",
      "contacts: [nobody]\n    cite: { doc: wandsworth-practice-approach, quote: 'including",
    );
    expect(compile(again)).toThrow(/authorities\/wandsworth\.yaml:\d+: unknown contact "nobody"/);
  });

  it('everyday words for a need that is not declared fail with file:line', () => {
    const dir = copyKnowledge();
    edit(join(dir, 'services.yaml'), 'needWords:\n', 'needWords:\n  unicorns: [horn]\n');
    expect(compile(dir)).toThrow(/services\.yaml:\d+: unknown need "unicorns"/);
  });
});
