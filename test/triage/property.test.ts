import fc from 'fast-check';
import { comparePathways, decideTriage, factIndicator, type TriageFacts } from '../../knowledge/triage';
import { knowledge } from './helpers';

describe('property: adding a severe indicator never lowers the pathway', () => {
  const tk = knowledge();
  const all = tk.indicators.map((i) => i.id);
  const severe = tk.indicators.filter((i) => i.tags.includes('severe') || i.scale === 4).map((i) => i.id);
  const childPresent = new Set(tk.indicators.filter((i) => i.tags.includes('child-present')).map((i) => i.id));
  const authorities = Object.keys(tk.authorities);

  const factsArb: fc.Arbitrary<TriageFacts> = fc
    .record({
      childAges: fc.array(fc.integer({ min: 0, max: 17 }), { maxLength: 3 }),
      unborn: fc.boolean(),
      immediateDanger: fc.boolean(),
      dashScore: fc.option(fc.integer({ min: 0, max: 24 }), { nil: undefined }),
      policeNotifications: fc.option(fc.integer({ min: 0, max: 8 }), { nil: undefined }),
      specialNeeds: fc.option(fc.boolean(), { nil: undefined }),
      noChildren: fc.option(fc.constant(true), { nil: undefined }),
    })
    .map((f) => {
      const out: TriageFacts = { childAges: f.childAges, unborn: f.unborn, immediateDanger: f.immediateDanger };
      if (f.dashScore !== undefined) out.dashScore = f.dashScore;
      if (f.policeNotifications !== undefined) out.policeNotifications = f.policeNotifications;
      if (f.specialNeeds !== undefined) out.specialNeeds = f.specialNeeds;
      if (f.noChildren && f.childAges.length === 0 && !f.unborn) out.noChildren = true;
      return out;
    });

  it('holds for random cases in every authority', () => {
    fc.assert(
      fc.property(fc.constantFrom(...authorities), fc.subarray(all, { maxLength: 6 }), fc.constantFrom(...severe), factsArb, (authority, ids, extra, facts) => {
        const before = decideTriage(tk, { authority, indicatorIds: ids, facts });
        const after = decideTriage(tk, { authority, indicatorIds: [...ids, extra], facts });
        // No child in the household stays an adult route, unless the indicator added is a pregnancy, or a child at
        // the incident (tagged child-present): then there is a child to protect, on a child route.
        if (before.pathway === 'adult-services')
          return (
            after.pathway === 'adult-services' ||
            after.pathway === 'emergency' ||
            (extra === factIndicator(tk, 'unborn') && after.pathway !== 'early-help') ||
            childPresent.has(extra)
          );
        return comparePathways(after.pathway, before.pathway) >= 0 && (after.level ?? 0) >= (before.level ?? 0);
      }),
      { numRuns: 400 },
    );
  });
});

describe("property: adding a severe indicator's example sentence to a description never lowers the pathway", () => {
  // The test's own sentences, of every level of concern (never an evaluation set's wording).
  const BASES = [
    'Mum and her partner argue a lot about money; no violence reported. Children are 6 and 12.',
    'Police attended after shouting was heard; no injuries; the baby was asleep.',
    'Dad has been controlling who mum sees and checks her phone. The kids are 3 and 9.',
    'She has no children. Her husband pushed her during an argument last month.',
    'Teacher reports the 10 year old seems tired and withdrawn; mum says things are fine at home.',
    'Separated parents; handovers for contact are tense and dad shouts at mum. Child is 5.',
    'Health visitor visit: mum is 28 weeks pregnant and says her partner gets jealous.',
    'Neighbour called police twice this year about loud rows. Two teenagers live there.',
  ];

  it('holds for every authority, with both readers', async () => {
    const { createTriager, loadIndicatorMeaning, loadTriageKnowledge } = await import('../../knowledge/triage');
    const tk = loadTriageKnowledge();
    const triager = createTriager(tk, loadIndicatorMeaning());
    await triager.whenReady();
    const severeExamples = tk.indicators.filter((i) => i.tags.includes('severe') && i.readByMeaning).flatMap((i) => i.examples);
    const authorities = Object.keys(tk.authorities);
    if (severeExamples.length === 0) return;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...authorities), fc.constantFrom(...BASES), fc.constantFrom(...severeExamples), async (authority, base, example) => {
        const before = await triager.triage({ authority, description: base });
        const after = await triager.triage({ authority, description: `${base} ${example}` });
        if (before.pathway === 'adult-services') return after.pathway !== 'early-help';
        return comparePathways(after.pathway, before.pathway) >= 0;
      }),
      { numRuns: 150 },
    );
  });
});
