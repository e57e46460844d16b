import { type z } from 'zod';
import { KnowledgeFileError } from '../data-file';
import { conditionFacts } from './conditions';
import { idLine, shown } from './error-location';
import type { CiteRef, rulesFileSchema } from './schemas';
import type { CompiledContact, CompiledEscalation, CompiledRule, TriageCitation } from './types';

/** Resolves citation references to the passages they quote. */
export type Cites = (refs: CiteRef[]) => TriageCitation[];

type RulesData = z.infer<ReturnType<typeof rulesFileSchema>>;

/** A rule (national or an authority's) compiled; one that sets a level or pathway may not test them. */
export function compileRule(file: string, scope: string, r: RulesData['rules'][number], cites: Cites): CompiledRule {
  const facts = conditionFacts(r.when);
  if ((r.level !== undefined || r.pathway !== undefined) && (facts.has('level') || facts.has('pathway'))) {
    throw new KnowledgeFileError(
      shown(file),
      idLine(file, r.id),
      `rule ${r.id} sets a level or pathway, so its condition cannot use the decided level or pathway`,
    );
  }
  return {
    id: r.id,
    scope,
    description: r.description,
    when: r.when,
    ...(r.level !== undefined ? { level: r.level } : {}),
    ...(r.pathway !== undefined ? { pathway: r.pathway } : {}),
    referrals: r.referrals.map((x) => ({ id: x.id, why: x.why ?? r.description })),
    nextSteps: r.nextSteps,
    contacts: r.contacts,
    services: r.services,
    citations: cites(r.cite),
  };
}

/** An escalation (or the matrix's uplift) compiled. */
export function compileEscalation(e: RulesData['escalations'][number], cites: Cites): CompiledEscalation {
  return {
    id: e.id,
    description: e.description,
    when: e.when,
    ...(e.raiseBy !== undefined ? { raiseBy: e.raiseBy } : {}),
    ...(e.atLeast !== undefined ? { atLeast: e.atLeast } : {}),
    ...(e.setLevel !== undefined ? { setLevel: e.setLevel } : {}),
    citations: cites(e.cite),
  };
}

/** A contact (national or an authority's) compiled, its phone numbers as text. */
export function compileContact(c: RulesData['contacts'][number], cites: Cites): CompiledContact {
  return {
    id: c.id,
    role: c.role,
    ...(c.name ? { name: c.name } : {}),
    ...(c.phone ? { phone: String(c.phone) } : {}),
    ...(c.email ? { email: c.email } : {}),
    ...(c.hours ? { hours: c.hours } : {}),
    ...(c.outOfHours ? { outOfHours: String(c.outOfHours) } : {}),
    serves: c.serves,
    citations: cites(c.cite),
  };
}

/** The national rules, escalations and contacts of triage/rules.yaml compiled. */
export function compileNational(
  rulesFile: string,
  data: RulesData,
  cites: Cites,
): { rules: CompiledRule[]; escalations: CompiledEscalation[]; contacts: CompiledContact[] } {
  return {
    rules: data.rules.map((r) => compileRule(rulesFile, 'national', r, cites)),
    escalations: data.escalations.map((e) => compileEscalation(e, cites)),
    contacts: data.contacts.map((c) => compileContact(c, cites)),
  };
}
