import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileInduction, courseFor } from '../../knowledge/induction';
import { knowledgeDir } from '../../knowledge/paths';
import { builtPassages } from '../triage/helpers';

/** The course is data: the build resolves every step's citation and refuses one it cannot, with its line. */

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A copy of knowledge/ with course.yaml edited. */
function courseWith(from: string | RegExp, to: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'induction-data-'));
  dirs.push(dir);
  cpSync(knowledgeDir, dir, { recursive: true, filter: (src) => !/\.ts$/.test(src) });
  const file = join(dir, 'induction', 'course.yaml');
  const text = readFileSync(file, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`test setup: ${String(from)} not found`);
  writeFileSync(file, next);
  return dir;
}

const compile = (dir: string) => () => compileInduction(builtPassages(), { knowledgeDir: dir });

test('the real course compiles, every step cited by a passage of its document', () => {
  const course = compileInduction(builtPassages());
  expect(course.steps.length).toBeGreaterThan(10);
  for (const s of course.steps) {
    for (const c of [s.cite, ...Object.values(s.local)]) if (c) expect(c.passageId.startsWith(`${c.docId}#`)).toBe(true);
  }
  // A course with no authority leaves out what only an authority has: its contacts and its own steps.
  const national = courseFor(course);
  expect(national.map((s) => s.id)).not.toContain('your-services');
  expect(national.map((s) => s.id)).not.toContain('da-champions');
});

test('a quote that is in no passage stops the build with the file and line', () => {
  const dir = courseWith('the highest risk of serious harm or homicide', 'the highest risk of being shouted at by a chair');
  expect(compile(dir)).toThrow(/induction\/course\.yaml:\d+: quote not found in any passage of national-guidance/);
});

test('an unknown document, glossary term or authority stops the build with the file and line', () => {
  expect(compile(courseWith('doc: sutton-practice-directive-26, quote: "using', 'doc: no-such-document, quote: "using'))).toThrow(
    /induction\/course\.yaml:\d+: unknown document "no-such-document"/,
  );
  expect(compile(courseWith('expansion: MARAC', 'expansion: NOTATERM'))).toThrow(/induction\/course\.yaml:\d+: unknown glossary term "NOTATERM"/);
  expect(compile(courseWith('only: [sutton]', 'only: [atlantis]'))).toThrow(/induction\/course\.yaml:\d+: unknown authority "atlantis"/);
});

test('a step id used twice stops the build', () => {
  expect(compile(courseWith('- id: ric\n', '- id: dash\n'))).toThrow(/induction\/course\.yaml:\d+: step id "dash" is used twice/);
});
