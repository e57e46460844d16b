import fc from 'fast-check';
import { comparePathways, decideTriage, type TriageFacts } from '../../knowledge/triage';
import { knowledge } from './helpers';

describe('property: adding a severe indicator never lowers the pathway', () => {
  const tk = knowledge();
  const all = tk.indicators.map((i) => i.id);
  const severe = tk.indicators.filter((i) => i.tags.includes('severe') || i.scale === 4).map((i) => i.id);
  const authorities = Object.keys(tk.authorities);

  const factsArb: fc.Arbitrary<TriageFacts> = fc.record({
    childAges: fc.array(fc.integer({ min: 0, max: 17 }), { maxLength: 3 }),
    unborn: fc.boolean(),
    immediateDanger: fc.boolean(),
    dashScore: fc.option(fc.integer({ min: 0, max: 24 }), { nil: undefined }),
    policeNotifications: fc.option(fc.integer({ min: 0, max: 8 }), { nil: undefined }),
    specialNeeds: fc.option(fc.boolean(), { nil: undefined }),
    noChildren: fc.option(fc.constant(true), { nil: undefined }),
  }).map((f) => {
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
        if (before.pathway === 'adult-services') return after.pathway === 'adult-services' || after.pathway === 'emergency';
        return comparePathways(after.pathway, before.pathway) >= 0 && (after.level ?? 0) >= (before.level ?? 0);
      }),
      { numRuns: 400 },
    );
  });
});
