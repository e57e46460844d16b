import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { knowledgeDir } from '../../knowledge/paths';
import { compileTriageKnowledge } from '../../knowledge/triage';
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
    edit(join(dir, 'triage', 'rules.yaml'), 'when: dvds-concern', 'when: no-such-indicator');
    expect(compile(dir)).toThrow(/triage\/rules\.yaml:\d+: unknown indicator "no-such-indicator"/);
  });

  it('a wrong type fails with file:line', () => {
    const dir = copyKnowledge();
    edit(join(dir, 'matrix.yaml'), /- scale: 2\n/, '- scale: two\n');
    expect(compile(dir)).toThrow(/matrix\.yaml:\d+: /);
  });

  it('a pattern that does not compile fails with file:line', () => {
    const dir = copyKnowledge();
    edit(join(dir, 'triage', 'indicators.yaml'), "      - 'strangl\\w*'", "      - 'strangl(\\w*'");
    expect(compile(dir)).toThrow(/triage\/indicators\.yaml:\d+: .*regular expression/);
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
});
