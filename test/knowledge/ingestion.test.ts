import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildKnowledge, isBuildFresh } from '../../knowledge/ingest/build';
import { PASSAGE_MAX } from '../../knowledge/ingest/cut-passages';
import { foldWhitespace } from '../../knowledge/ingest/display-text';
import { readSource } from '../../knowledge/ingest/load-sources';
import { parseSections } from '../../knowledge/ingest/parse-sections';
import { STORE_FILE, type KnowledgeStore } from '../../knowledge/store';
import { KnowledgeFileError } from '../../knowledge/data-file';
import { knowledgeDir, projectRoot, sourcesDir } from '../../knowledge/paths';
import { answerQuestion, loadKnowledge } from '../../knowledge/search';

/** Section titles per imported document, pinned: a parser change that moves a heading shows here. */
const PINNED_SECTIONS: Record<string, string[]> = {
  'sutton-practice-directive-26': [
    'Children’s Social Care - Practice Directive No. 26',
    'Background/Introduction',
    'Legislation and Statutory Guidance',
    'Strategic Oversight',
    'Local Authority Strategic Lead',
    'Children Social Care Head of Service Strategic Lead',
    "Children' First Contact Service (CFCS) Manager",
    'MARAC coordinator',
    'Education Safeguarding Lead',
    'Named Nurse for Safeguarding Children',
    'CSU DV lead officer',
    'Domestic Abuse Commissioning Manager and Lead Officer',
    'Domestic Abuse Development Officer',
    'DA champions',
    "Trix (Children's online Procedures) Guidance",
    "Children's first Contact Service",
    'Assessment and Intervention',
    'Safety Planning',
    'When the perpetrator and family remain together',
    'Review',
  ],
  'lambeth-domestic-abuse-policy': [
    'About this document',
    'Intended Audience',
    'Contents',
    '1 Introduction',
    '2 Context',
    '3 Aims of Policy',
    '4 Who is this Policy for?',
    '5 Legislation, Statutory Guidance and links to other policies',
    "5.1 Children's Social Care levels of need",
    '5.2 Violence Against Women and Girls Strategy',
    '5.3 Linking with other policies',
    '6 Definitions of Domestic Abuse',
    'Domestic abuse',
    'Perpetrator',
    'Victim / Survivor',
    'Female genital mutilation/cutting',
    'Financial or Economic Abuse',
    'Forced marriage',
    'Sexual exploitation',
    'Sexual violence',
    "So-called 'honour'-based violence",
    'Stalking and harassment',
    'Tech Abuse',
    "7 Children's Services Policy Statement",
    'Domestic abuse and children as victims',
    'Unborn babies',
    'Young people who are in abusive relationships',
    'Young people – showing early signs of abusive behaviour',
    'Working with families with No Recourse to Public Funds (NRPF)',
    'Working with perpetrators',
    'Expectations of staff',
    'Approach to partnership working',
    'MARAC',
    'Sexual Exploitation and Harm Panel',
    '8 Equalities statement',
    '9 Training and Development',
    '10 Monitoring and Governance',
    '11 Resources',
    'Appendix 1: Useful Contacts',
    'Support for children',
    'Support services for children',
  ],
  'stoke-staffordshire-domestic-abuse-procedures': [
    'DOMESTIC ABUSE',
    'Contents',
    'Introduction',
    '02 The Objectives of these Procedures',
    '03 Underlying Principles',
    '04 Definition of Domestic Abuse?',
    '05 What is Domestic Abuse?',
    '06 The Experience and Impact of Domestic Abuse and Violence',
    '07 Adolescent to Parent Violence and Abuse (APVA) Home Office 2015',
    'Reporting / Disclosing APVA',
    '08 Taking Action',
    "09 Referrals to Children's Social Care",
    '10 Police Referrals',
    '11 Multi Agency Risk Assessment Conference (MARAC)',
    '12 Domestic Violence Protection Orders (DVPO)',
    "13 Domestic Violence Disclosure Scheme: Clare's Law",
    'How is an application made?',
    '14 Domestic Homicide Reviews (DHR)',
    '15 Information Sharing and Confidentiality',
    '16 Specialist Domestic Abuse Services',
    'National Helplines',
    'Appendix A',
    'Initial Contact with the Family',
    'Collaborate with Service Providers',
    'Appendix B',
    'Advice on Safety Planning',
    'IF THEY DECIDE TO LEAVE',
  ],
  'camden-joint-protocol': [
    '1 Purpose and scope of protocol',
    '2 Roles and responsibilities of services',
    '2.1 Camden Safety Net (CSN)',
    "2.2 Solace Women's Aid",
    "2.3 Children's Safeguarding and Social Work (CSSW)",
    '2.4 Early help services',
    '3 Dealing with notifications and referrals',
    '3.1 Police notification of domestic abuse',
    '3.2 Referrals to CSSW',
    '4 Thresholds for services',
    '4.1 Domestic abuse services',
    "4.2 Children's services",
    '5 Joint working',
    '5.1 Information sharing',
    '5.2 Working with families',
    '5.3 Assessment and risk assessment',
    '5.4 Safety planning and review',
    '5.5 Provision of services',
    '6 Working with families in refuges',
    'Resolving professional differences',
    'Appendix 1: Contacts',
    "Appendix 2: Barnardo's risk assessment matrix",
  ],
  'wandsworth-practice-approach': [
    'Our Practice Approach to Domestic Abuse',
    '1 Our Vision',
    '2 Introduction',
    'What do we mean by Domestic Abuse?',
    'Who is this Practice Approach for?',
    'The Domestic Abuse Act 2021',
    '3 Approach',
    'Intersectionality',
    '4 Tools and Forums',
    'SafeLives DASH risk assessment tool',
    'Multi Agency Risk Assessment Conference (MARAC)',
    'Family Group Conferences (FGC’s)',
    'Family Meetings',
    'Motivational Interviewing',
    'Genograms',
    'Chronologies',
    '5 Training',
    '6 Key support available to our families',
    'Appendix 1',
  ],
};

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
  test.each(Object.entries(PINNED_SECTIONS))('%s: section count and titles are pinned', (id, titles) => {
    const sections = parseSections(sourceBody(id)).sections.filter((s) => s.path.length > 0);
    expect(sections.map((s) => s.path[s.path.length - 1])).toEqual(titles);
    expect(sections).toHaveLength(titles.length);
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
