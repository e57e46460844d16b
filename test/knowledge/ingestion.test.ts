import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildKnowledge, isBuildFresh } from '../../knowledge/ingest/build';
import { PASSAGE_MAX } from '../../knowledge/ingest/cut-passages';
import { foldWhitespace } from '../../knowledge/ingest/display-text';
import { readSource } from '../../knowledge/ingest/load-sources';
import { cleanTitle, parseSections, type Section } from '../../knowledge/ingest/parse-sections';
import { STORE_FILE, type KnowledgeStore } from '../../knowledge/store';
import { KnowledgeFileError } from '../../knowledge/data-file';
import { knowledgeDir, projectRoot, sourcesDir } from '../../knowledge/paths';
import { answerQuestion, loadKnowledge } from '../../knowledge/search';

let outDir: string;
let store: KnowledgeStore;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'kb-ingest-'));
  await buildKnowledge({ outDir });
  store = JSON.parse(readFileSync(join(outDir, STORE_FILE), 'utf8')) as KnowledgeStore;
});

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

function sourceBody(id: string): string {
  const file = join(sourcesDir, `${id}.md`);
  return readSource(readFileSync(file, 'utf8'), file).body;
}

describe('sections', () => {
  const documents = readdirSync(sourcesDir)
    .filter((f) => f.endsWith('.md'))
    .map((f) => f.replace(/\.md$/, ''));
  const headed = (id: string) => parseSections(sourceBody(id)).sections.filter((s) => s.path.length > 0);
  /** Words a heading never ends on: a title that does is a sentence cut in half. */
  const DANGLING = /(?:[,;(–-]|\b(?:and|or|the|of|to|a|an|in|with|for|by|that|is|are))$/;

  test.each(documents)('%s: yields headed sections, in source order', (id) => {
    const sections = headed(id);
    expect(sections.length).toBeGreaterThanOrEqual(8);
    const lines = sections.map((s) => s.line);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });

  test.each(documents)('%s: no section is empty (it has text, sections under it, or leads into the next with a colon)', (id) => {
    const sections = headed(id);
    const lines = sourceBody(id).split('\n');
    const leadsIn = (s: Section) => /:\s*$/.test(lines[s.line - 1] ?? '');
    const empty = sections.filter(
      (s, i) => s.blocks.every((b) => b.lines.join('').trim() === '') && !(sections[i + 1] && sections[i + 1]!.path.length > s.path.length) && !leadsIn(s),
    );
    expect(empty.map((s) => s.path.join(' › '))).toEqual([]);
  });

  test.each(documents)('%s: every title reads as a heading, not a sentence fragment', (id) => {
    const fragments = headed(id)
      .map((s) => s.path.at(-1)!)
      .filter((t) => !/^[\p{Lu}\p{N}'‘"“]/u.test(t) || DANGLING.test(t) || t.split(/\s+/).length > 12 || /[.!]$/.test(t));
    expect(fragments).toEqual([]);
  });

  test.each(documents)('%s: every title is on its heading line in the source', (id) => {
    const lines = sourceBody(id).split('\n');
    const plain = (t: string) =>
      t
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim()
        .toLowerCase();
    for (const s of headed(id)) expect(plain(cleanTitle(lines[s.line - 1] ?? ''))).toContain(plain(s.path.at(-1)!));
  });

  test('numbered sub-sections sit under their parent', () => {
    const paths = parseSections(sourceBody('camden-joint-protocol')).sections.map((s) => s.path.join(' › '));
    expect(paths).toContain("4 Thresholds for services › 4.2 Children's services");
  });

  test('contents lists, running footers and list items are not headings', () => {
    const stoke = parseSections(sourceBody('stoke-staffordshire-domestic-abuse-procedures')).sections.map((s) => s.path.at(-1));
    expect(stoke).not.toContain('Working together to keep children safe');
    expect(stoke.filter((t) => t === '02 The Objectives of these Procedures')).toHaveLength(1);
    const sutton = parseSections(sourceBody('sutton-practice-directive-26')).sections.map((s) => s.path.at(-1) ?? '');
    expect(sutton.some((t) => t.startsWith('Staff must always'))).toBe(false);
  });
});

describe('passages', () => {
  test('every passage is a verbatim slice of its source after folding whitespace', () => {
    const folded = new Map(store.documents.map((d) => [d.id, foldWhitespace(sourceBody(d.id))]));
    for (const p of store.passages) expect(folded.get(p.docId)).toContain(p.text);
  });

  test('no passage is empty and none is longer than a card should show', () => {
    for (const p of store.passages) {
      expect(p.text.trim().length).toBeGreaterThan(0);
      expect(p.display.trim().length).toBeGreaterThan(0);
      expect(p.text.length).toBeLessThanOrEqual(PASSAGE_MAX);
    }
  });

  test('display text drops conversion debris', () => {
    for (const p of store.passages) {
      expect(p.display).not.toMatch(/\*\*|\]\(#\)|\]\(mailto:|<\/?p>/);
    }
  });

  test('a contact block stays together under its heading', () => {
    const p = store.passages.find((x) => x.section.endsWith('Named Nurse for Safeguarding Children'));
    expect(p?.display).toMatch(/Sarah Galvin[\s\S]*020 3668 1256[\s\S]*sarah\.galvin@nhs\.net/);
  });

  test('a list stays with its lead-in sentence', () => {
    const p = store.passages.find((x) => x.text.startsWith('CSN will:'));
    expect(p?.text).toContain('assess the level of risk from domestic abuse on victims');
  });

  test('passage ids are unique and ordinals follow document order', () => {
    expect(new Set(store.passages.map((p) => p.id)).size).toBe(store.passages.length);
  });
});

describe('knowledge files', () => {
  let scratch: string;
  beforeEach(() => {
    scratch = mkdtempSync(join(tmpdir(), 'kb-files-'));
    cpSync(knowledgeDir, scratch, { recursive: true });
  });
  afterEach(() => rmSync(scratch, { recursive: true, force: true }));

  test('a bad glossary fails the build with file:line and reason', async () => {
    const file = join(scratch, 'glossary.yaml');
    const lines = readFileSync(file, 'utf8').split('\n');
    const at = lines.findIndex((l) => l.includes('expansion: Multi-Agency Risk Assessment Conference'));
    lines.splice(at, 1);
    writeFileSync(file, lines.join('\n'));
    await expect(buildKnowledge({ knowledgeDir: scratch, outDir: join(scratch, 'out') })).rejects.toThrow(KnowledgeFileError);
    await expect(buildKnowledge({ knowledgeDir: scratch, outDir: join(scratch, 'out') })).rejects.toThrow(/glossary\.yaml:\d+: .*expansion/);
  });

  test('an out-of-scope phrase that a passage contains fails the build, naming the line', async () => {
    const file = join(scratch, 'out-of-scope.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('phrases: [mileage,', 'phrases: [car insurance, mileage,'));
    await expect(buildKnowledge({ knowledgeDir: scratch, outDir: join(scratch, 'out') })).rejects.toThrow(
      /out-of-scope\.yaml:\d+: a passage contains "car insurance"/,
    );
  });

  test('a subject asked about in a way a passage answers fails the build too (the police DVPO says how long it lasts)', async () => {
    const file = join(scratch, 'out-of-scope.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('subjects: [non-mol,', 'subjects: [DVPO, non-mol,').replace('asks: [how long does,', 'asks: [last, how long does,'),
    );
    await expect(buildKnowledge({ knowledgeDir: scratch, outDir: join(scratch, 'out') })).rejects.toThrow(
      /out-of-scope\.yaml:\d+: a passage contains "DVPO \+ last"/,
    );
  });

  test('bad front matter names the source file and line; the CLI exits non-zero', async () => {
    const file = join(scratch, 'sources', 'sutton-practice-directive-26.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/issued: .*/, 'issued: August 2021'));
    await expect(buildKnowledge({ knowledgeDir: scratch, outDir: join(scratch, 'out') })).rejects.toThrow(/sutton-practice-directive-26\.md:\d+: .*YYYY/);
    let status = 0;
    let stderr = '';
    try {
      execFileSync(
        process.execPath,
        [join(projectRoot, 'node_modules/tsx/dist/cli.mjs'), 'knowledge/ingest/cli.ts', '--knowledge-dir', scratch, '--out', join(scratch, 'out')],
        {
          cwd: projectRoot,
          stdio: 'pipe',
        },
      );
    } catch (err) {
      status = (err as { status: number }).status;
      stderr = String((err as { stderr: Buffer }).stderr);
    }
    expect(status).not.toBe(0);
    expect(stderr).toMatch(/sutton-practice-directive-26\.md:\d+:/);
  });

  test('the stamp goes stale when a knowledge file changes', async () => {
    const out = mkdtempSync(join(tmpdir(), 'kb-out-'));
    await buildKnowledge({ knowledgeDir: scratch, outDir: out });
    expect(isBuildFresh({ knowledgeDir: scratch, outDir: out })).toBe(true);
    writeFileSync(join(scratch, 'synonyms.yaml'), `${readFileSync(join(scratch, 'synonyms.yaml'), 'utf8')}\n  - [kin, relatives]\n`);
    expect(isBuildFresh({ knowledgeDir: scratch, outDir: out })).toBe(false);
    rmSync(out, { recursive: true, force: true });
  });

  test("a new authority's document is a new file and a rebuild, no code change", async () => {
    writeFileSync(join(scratch, 'authorities', 'testshire.yaml'), 'id: testshire\nname: Testshire\naliases: [Testshire County Council]\n');
    writeFileSync(
      join(scratch, 'sources', 'testshire-da-guide.md'),
      [
        '---',
        'id: testshire-da-guide',
        'title: Testshire domestic abuse guide',
        'publisher: Testshire County Council',
        'authorities: [testshire]',
        'issued: 2025-03',
        'reviewDue: 2027-03',
        '---',
        '',
        '1. Purpose',
        '',
        'This guide explains how Testshire practitioners respond to domestic abuse.',
        '',
        '2. Contacts',
        '',
        '2.1 Harbour Lighthouse Team',
        '',
        '- Lighthouse duty desk',
        '- Tel: 01234 567890',
        '- Email: lighthouse@testshire.example',
        '',
      ].join('\n'),
    );
    const out = join(scratch, 'out');
    await buildKnowledge({ knowledgeDir: scratch, outDir: out });
    const kb = loadKnowledge(out);
    const r = answerQuestion(kb, 'phone number for the lighthouse team', { authority: 'testshire' });
    expect(r.answered).toBe(true);
    expect(r.results[0]!.citation.docId).toBe('testshire-da-guide');
    expect(r.results[0]!.citation.section).toBe('2 Contacts › 2.1 Harbour Lighthouse Team');
    expect(r.results[0]!.passage.display).toContain('01234 567890');
  });
});
