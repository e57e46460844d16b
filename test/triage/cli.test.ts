import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../knowledge/paths';
import { buildTriageKnowledge } from '../../knowledge/triage';
import { builtPassages } from './helpers';

describe('npm run triage (CLI contract)', () => {
  const out = mkdtempSync(join(tmpdir(), 'triage-cli-'));
  beforeAll(() => buildTriageKnowledge(builtPassages(), out));
  const tsx = join(projectRoot, 'node_modules', '.bin', 'tsx');
  const env = { ...process.env, KNOWLEDGE_BUILD_DIR: out };

  it('--jsonl: one JSON object per good line on stdout, a clear message per bad line on stderr, exit 0', () => {
    const file = join(out, 'in.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify({ id: 'a', authority: 'camden', description: 'Dad slapped mum; the children are 5 and 9.' }),
        'not json',
        JSON.stringify({ id: 'b', authority: 'atlantis', description: 'x' }),
        JSON.stringify({ id: 'c' }),
        JSON.stringify({ id: 'd', authority: 'staffordshire', description: 'Right now he is outside with a knife; kids are 2 and 4.' }),
      ].join('\n'),
    );
    const r = spawnSync(tsx, ['scripts/triage.ts', '--jsonl', file], { cwd: projectRoot, env, encoding: 'utf8' });
    expect(r.status).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; pathway: string; contacts: unknown[]; citations: unknown[] });
    expect(lines.map((l) => l.id)).toEqual(['a', 'd']);
    expect(lines[1]!.pathway).toBe('emergency');
    expect(JSON.stringify(lines[1]!.contacts)).toContain('999');
    for (const l of lines) expect(l.citations.length).toBeGreaterThan(0);
    expect(r.stderr).toMatch(/:2: not valid JSON/);
    expect(r.stderr).toMatch(/:3: unknown authority "atlantis"/);
    expect(r.stderr).toMatch(/:4: .*authority/);
    expect(r.stderr).not.toMatch(/slapped|knife/);
  });

  it('the contacts include the specialist services the result card lists for the case', () => {
    const r = spawnSync(
      tsx,
      ['scripts/triage.ts', '--authority', 'wandsworth', '--json', 'A man of 84 says his daughter takes his pension and shoved him; he lives alone with her.'],
      {
        cwd: projectRoot,
        encoding: 'utf8',
      },
    );
    const out = JSON.parse(r.stdout) as { contacts: { role: string }[] };
    expect(out.contacts.some((c) => /^Specialist service \(.*older/i.test(c.role))).toBe(true);
  });

  it("--answer gives the confirmation card's answers: yes adds, don't know is a must-check; a bad key is named", () => {
    const base = ['scripts/triage.ts', '--authority', 'lambeth', '--json'];
    const text = 'Mum says dad pushed her. Kids 6 and 9.';
    const run = (...answers: string[]) =>
      spawnSync(tsx, [...base, ...answers.flatMap((a) => ['--answer', a]), text], { cwd: projectRoot, env, encoding: 'utf8' });
    const yes = JSON.parse(run('works-with-children=yes', 'dash=16').stdout) as { referrals: string[] };
    expect(yes.referrals).toEqual(expect.arrayContaining(['lado', 'marac']));
    const unknown = JSON.parse(run('weapon=unknown').stdout) as { mustCheck: { id: string; ifYes: { pathway: string } }[] };
    expect(unknown.mustCheck).toEqual([expect.objectContaining({ id: 'weapon', ifYes: expect.objectContaining({ pathway: 'child-protection' }) })]);
    const bad = run('colour=blue');
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/--answer colour: not a question I ask/);
  });

  it('a single description prints a human-readable result; --json prints one line', () => {
    const text = execFileSync(tsx, ['scripts/triage.ts', '--authority', 'lambeth', 'Mum is 30 weeks pregnant and he pushed her.'], {
      cwd: projectRoot,
      env,
      encoding: 'utf8',
    });
    expect(text).toMatch(/Pathway: child-protection/);
    expect(text).toMatch(/Pre-birth assessment/);
    expect(text).toMatch(/guidance, not a decision/);
    const json = execFileSync(tsx, ['scripts/triage.ts', '--json', '--authority', 'lambeth', 'Mum is 30 weeks pregnant and he pushed her.'], {
      cwd: projectRoot,
      env,
      encoding: 'utf8',
    });
    expect(json.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(json)).toMatchObject({ pathway: 'child-protection', referrals: expect.arrayContaining(['pre-birth-assessment']) });
  });
});
