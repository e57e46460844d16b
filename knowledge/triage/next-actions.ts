import { definedFields } from '../defined-fields';
import { dedupeCitations } from './citations';
import type {
  CompiledAuthority,
  CompiledContact,
  CompiledRoute,
  CompiledRule,
  CompiledService,
  Pathway,
  TriageCitation,
  TriageContact,
  TriageKnowledge,
  TriageReferral,
  TriageService,
  TriageStep,
} from './types';

/**
 * Steps 5 to 8 of the decision: what the practitioner does next (referrals, contacts, next
 * steps and specialist services), from the fired rules and the pathway's route.
 */

/** The referral (an id of the referral vocabulary in rules.yaml) whose contacts are the services for its need. */
const SPECIALIST_REFERRAL = 'specialist-service';

/** Step 5: the fired rules' referrals, merged by id (reasons and citations joined), in vocabulary order. */
export function mergeReferrals(tk: TriageKnowledge, firedList: readonly CompiledRule[]): TriageReferral[] {
  const refMap = new Map<string, TriageReferral>();
  for (const r of firedList)
    for (const ref of r.referrals) {
      const cur = refMap.get(ref.id);
      if (cur) {
        if (!cur.why.includes(ref.why)) cur.why = `${cur.why}; ${ref.why}`;
        cur.citations = dedupeCitations([...cur.citations, ...r.citations]);
      } else refMap.set(ref.id, { id: ref.id, label: tk.referralTypes[ref.id]?.label ?? ref.id, why: ref.why, citations: r.citations });
    }
  const order = Object.keys(tk.referralTypes);
  return [...refMap.values()].sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
}

/** What decides the contacts: the asker's authority, the pathway and its route, the fired rules and the referrals. */
export interface ContactSources {
  authority: CompiledAuthority;
  pathway: Pathway;
  route: CompiledRoute | undefined;
  firedList: readonly CompiledRule[];
  referrals: readonly TriageReferral[];
}

/** The contacts to list, each once: 999 and out-of-hours in an emergency, then the route's, the rules' and the referrals'. */
function pickContacts(tk: TriageKnowledge, { authority, pathway, route, firedList, referrals }: ContactSources): CompiledContact[] {
  const local = new Map(authority.contacts.map((c) => [c.id, c]));
  const picked: CompiledContact[] = [];
  const add = (c: CompiledContact | undefined) => {
    if (c && !picked.includes(c)) picked.push(c);
  };
  if (pathway === 'emergency') {
    tk.national.contacts.filter((c) => c.serves.includes('police')).forEach(add);
    authority.contacts.filter((c) => c.outOfHours || /out of hours/i.test(c.hours ?? '')).forEach(add);
  }
  route?.contacts.forEach((id) => add(local.get(id)));
  firedList.forEach((r) => r.contacts.forEach((id) => add(local.get(id))));
  for (const ref of referrals) authority.contacts.filter((c) => c.serves.includes(ref.id)).forEach(add);
  return picked;
}

/** A compiled contact as the result shows it. */
function contactView(c: CompiledContact): TriageContact {
  return {
    name: c.name ?? c.role,
    role: c.role,
    ...definedFields(c, ['phone', 'email', 'hours', 'outOfHours']),
    citations: c.citations,
  };
}

/** How a specialist service is named as a contact: its role is the needs it serves, by their labels. */
export function specialistRole(tk: TriageKnowledge, needs: readonly string[]): string {
  return `Specialist service (${needs.map((n) => tk.needs.find((x) => x.id === n)?.label ?? n).join(', ')})`;
}

/** A specialist service as a contact, its role naming the needs it serves. */
function serviceContact(tk: TriageKnowledge, s: CompiledService): TriageContact {
  return {
    name: s.name,
    role: specialistRole(tk, s.needs),
    ...definedFields(s, ['phone', 'email']),
    citations: s.citations,
  };
}

/** Add the authority's own services for the needs named by the rules that refer to a specialist service. */
function addSpecialistContacts(tk: TriageKnowledge, authorityId: string, firedList: readonly CompiledRule[], contacts: TriageContact[]): void {
  const wanted = new Set(firedList.filter((r) => r.referrals.some((x) => x.id === SPECIALIST_REFERRAL)).flatMap((r) => r.services));
  for (const s of tk.services)
    if (s.authorities.includes(authorityId) && s.needs.some((n) => wanted.has(n)) && !contacts.some((c) => c.name === s.name))
      contacts.push(serviceContact(tk, s));
}

/** Step 6: the contacts, then (for a specialist-service referral) the asker's own document's services for its need. */
export function triageContacts(tk: TriageKnowledge, sources: ContactSources): TriageContact[] {
  const { authority, firedList, referrals } = sources;
  const contacts = pickContacts(tk, sources).map(contactView);
  // A specialist-service referral names its need (male victims, LGBT+, honour-based abuse …): the
  // asker's own document's services for that need are the contacts for it (national ones stay in services).
  if (referrals.some((r) => r.id === SPECIALIST_REFERRAL)) addSpecialistContacts(tk, authority.id, firedList, contacts);
  return contacts;
}

/** Step 7: next steps, each once: danger-now rules' first, then the route's, then each fired rule's. */
export function nextSteps(firedList: readonly CompiledRule[], route: CompiledRoute | undefined): TriageStep[] {
  const steps: TriageStep[] = [];
  const addStep = (s: { text: string; timescale?: string }, citation: TriageCitation) => {
    if (!steps.some((x) => x.text === s.text)) steps.push({ ...s, citation });
  };
  firedList.filter((r) => r.pathway === 'emergency').forEach((r) => r.nextSteps.forEach((s) => addStep(s, r.citations[0]!)));
  route?.nextSteps.forEach((s) => addStep(s, route.citations[0]!));
  firedList.forEach((r) => r.nextSteps.forEach((s) => addStep(s, r.citations[0]!)));
  return steps;
}

/** Step 8: specialist services (national, or the authority's own) for the needs the fired rules name. */
export function matchingServices(tk: TriageKnowledge, authorityId: string, firedList: readonly CompiledRule[]): TriageService[] {
  const needs = new Set(firedList.flatMap((r) => r.services));
  return tk.services
    .filter((s) => s.needs.some((n) => needs.has(n)) && (s.authorities.length === 0 || s.authorities.includes(authorityId)))
    .map((s) => ({
      id: s.id,
      name: s.name,
      ...(s.phone ? { phone: s.phone } : {}),
      ...(s.email ? { email: s.email } : {}),
      ...(s.web ? { web: s.web } : {}),
      needs: s.needs,
      citation: s.citations[0]!,
    }));
}
