import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildKnowledge } from '../../knowledge/ingest/build';
import { PASSAGE_MEANING } from '../../knowledge/store';
import type { SentenceEncoder } from '../../knowledge/meaning/encoder';
import { readTable } from '../../knowledge/meaning/meaning-table';
import { loadUseLiteEncoder } from '../../knowledge/meaning/use-lite-encoder';
import { createPolicyAnswerer, loadKnowledge, type AnswerResult, type KnowledgeBase, type PolicyAnswerer } from '../../knowledge/search';
import { wordNeighbours } from '../../knowledge/search/word-neighbours';
import { vectorCacheDir } from '../../knowledge/paths';

// The project's own wordings, written for kinds of question, never an evaluation set's.
let outDir: string;
let kb: KnowledgeBase;
let answerer: PolicyAnswerer;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'kb-meaning-'));
  await buildKnowledge({ outDir });
  kb = loadKnowledge(outDir);
  answerer = createPolicyAnswerer(kb);
  await answerer.whenReady();
});
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

const ask = (q: string, authority?: string): Promise<AnswerResult> => answerer.answer(q, { authority });
const texts = (r: AnswerResult, n = 3) =>
  r.results
    .slice(0, n)
    .map((x) => `${x.citation.section}\n${x.passage.display}`)
    .join('\n');

describe('the knowledge build stores passage vectors with the index', () => {
  test('one owner per passage, every passage with at least one unit, vectors of unit length', () => {
    const table = readTable(outDir, PASSAGE_MEANING);
    expect(table.owners).toBe(kb.store.passages.length);
    expect(new Set(Array.from(table.unitOwners)).size).toBe(kb.store.passages.length);
    const first = table.vectors.slice(0, table.dimensions);
    expect(Math.hypot(...first)).toBeCloseTo(1, 3);
  });

  test('a rebuild encodes nothing again: vectors come from the cache by text', async () => {
    const again = mkdtempSync(join(tmpdir(), 'kb-meaning-again-'));
    try {
      const report = await buildKnowledge({ outDir: again });
      expect(report.encoded).toBe(0);
      expect(readFileSync(join(again, `${PASSAGE_MEANING}.bin`)).equals(readFileSync(join(outDir, `${PASSAGE_MEANING}.bin`)))).toBe(true);
    } finally {
      rmSync(again, { recursive: true, force: true });
    }
  });

  test('the encoder is behind one interface: a build with another encoder writes its vectors', async () => {
    const fake: SentenceEncoder = {
      model: 'test-3d',
      dimensions: 3,
      encode: async (ts) => ts.map((t) => Float32Array.from([1, t.length % 7, 0]).map((x, _i, a) => x / Math.hypot(...a))),
    };
    const other = mkdtempSync(join(tmpdir(), 'kb-meaning-fake-'));
    const cache = mkdtempSync(join(tmpdir(), 'kb-meaning-cache-'));
    try {
      await buildKnowledge({ outDir: other, encoder: fake, vectorCacheDir: cache });
      expect(readTable(other, PASSAGE_MEANING)).toMatchObject({ model: 'test-3d', dimensions: 3 });
      // Vectors of another model are never compared with the question's: answers stay lexical.
      const mixed = createPolicyAnswerer(loadKnowledge(other), loadUseLiteEncoder);
      await mixed.whenReady();
      expect(mixed.meaningReady).toBe(false);
      expect((await mixed.answer('who chairs the MARAC')).answered).toBe(true);
    } finally {
      rmSync(other, { recursive: true, force: true });
      rmSync(cache, { recursive: true, force: true });
    }
    expect(vectorCacheDir).toBeTruthy();
  });
});

describe('meaning finds what the words miss', () => {
  test('an everyday word the documents never use reaches their word: a cat is a pet', async () => {
    const r = await ask('can she bring her cat with her when she goes into a refuge');
    expect(r.answered).toBe(true);
    expect(texts(r)).toMatch(/pets/i);
  });

  test('word vectors: a near word stands in, an unrelated one does not', () => {
    expect(wordNeighbours(kb, 'dog').map((n) => n.term)).toContain('pet');
    expect(wordNeighbours(kb, 'printer')).toEqual([]);
  });

  test("a question with no topic word in the documents' own terms, paraphrased", async () => {
    const r = await ask('what if the children are too scared to talk with mum in the room', 'stoke-on-trent');
    expect(r.answered).toBe(true);
    expect(texts(r)).toMatch(/separate|on their own|alone|child/i);
  });

  test('until the encoder has loaded, answers come from lexical evidence alone, at once', async () => {
    let release!: () => void;
    const slow = createPolicyAnswerer(kb, () => new Promise<SentenceEncoder>((resolve) => (release = () => void loadUseLiteEncoder().then(resolve))));
    expect(slow.meaningReady).toBe(false);
    const early = await slow.answer('MARAC referral email', { authority: 'sutton' });
    expect(early.answered).toBe(true);
    expect(texts(early, 1)).toContain('sutton.marac@sutton.gov.uk');
    release();
    await slow.whenReady();
    expect(slow.meaningReady).toBe(true);
  });
});

describe('the way practitioners type', () => {
  test.each([
    ['whats the ooh number for staffs', 'staffordshire', /0345 6042886|Out of Hours/i],
    ['does a cin case need the matrix doing', 'sutton', /matrix/i],
    ['perp wont engage, can we still do the risk assessment', 'camden', /engage/i],
  ])('"%s" (%s) is answered from the right kind of passage', async (q, authority, expected) => {
    const r = await ask(q, authority);
    expect(r.answered).toBe(true);
    expect(texts(r)).toMatch(expected);
  });
});

describe('the decision to answer', () => {
  test.each(['how do I book annual leave in the HR system', 'where can I park at the council offices', 'my printer keeps jamming'])(
    'off-topic "%s" is declined',
    async (q) => {
      expect((await ask(q, 'camden')).answered).toBe(false);
    },
  );

  test('a council with no document is declined, naming it', async () => {
    const r = await ask('who is the LADO in Barnet');
    expect(r.answered).toBe(false);
    expect(r.decline?.reason).toBe('uncovered-authority');
  });

  test('a decline offers the nearest passages as "you might mean"', async () => {
    const r = await ask('is there a creche at the office', 'sutton');
    expect(r.answered).toBe(false);
    expect(r.nearest?.length).toBeGreaterThan(0);
  });

  test('a question asking a timescale the documents never state is not answered as if they did', async () => {
    const r = await ask('how many working days does the initial child protection conference have to be held in after the strategy meeting');
    if (r.answered) expect(r.tentative).toBe(true);
  });
});

describe('answer shape', () => {
  test('a question for one fact highlights the sentence that holds it', async () => {
    const r = await ask('how soon must an urgent phone referral be put in writing', 'camden');
    const best = r.results[0]!;
    expect(best.highlights.join(' ')).toMatch(/48 hours/);
  });

  test("a contact question is answered from the asker's authority's contact data, cited", async () => {
    const r = await ask('dad is a football coach, who do I call', 'camden');
    const lado = r.contacts?.find((c) => /LADO/.test(c.role));
    expect(lado?.phone).toBe('020 7974 6669');
    expect(lado?.citations[0]?.docId).toBe('camden-joint-protocol');
  });

  test('a person in a position of trust, described by their job, leads to the LADO contact', async () => {
    const r = await ask('who do i tell if the dad is a teacher', 'lambeth');
    expect(r.answered).toBe(true);
    expect(r.contacts?.map((c) => c.role).join(' ')).toMatch(/LADO/);
  });

  test('a contact whose number the source prints truncated has no phone', async () => {
    const r = await ask('who is the MARAC coordinator', 'sutton');
    const coordinator = r.contacts?.[0];
    expect(coordinator?.name).toBe('Adam French');
    expect(coordinator?.phone).toBeUndefined();
  });

  test('related questions are specific: never a bare generic section title', async () => {
    for (const q of ['who chairs the MARAC', 'what counts as economic abuse', 'refuge for a mum with a teenage son']) {
      for (const f of (await ask(q, 'lambeth')).followUps) expect(f).not.toMatch(/“(?:Review|Introduction|Appendix \d+|Contents|Background)”/);
    }
  });
});
