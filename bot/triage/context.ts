import { decideTriage, factIndicator, type TriageKnowledge, type TriageResult } from '../../knowledge/triage';
import type { CitedContact } from '../../cards/contact-view';
import type { Suggestion } from '../../cards/triage-cards';
import { TRIAGE_MESSAGES } from '../messages';

/**
 * What the dialog shows around the engine's result: the 999 card's contacts and the questions
 * offered under "Ask a question about this". Both come from the triage knowledge; nothing here
 * decides a pathway.
 */

/**
 * The 999 card: the police (999) and the authority's out-of-hours and emergency-route contacts,
 * exactly as the engine lists them for a danger-now case, each with its citation.
 */
export function emergencyContacts(tk: TriageKnowledge, authority: string): { police?: CitedContact; contacts: CitedContact[] } {
  const danger = factIndicator(tk, 'immediateDanger');
  const r = decideTriage(tk, { authority, indicatorIds: danger ? [danger] : [], facts: { childAges: [], unborn: false, immediateDanger: true } });
  const isPolice = (c: TriageResult['contacts'][number]) => c.phone?.trim() === '999';
  const police = r.contacts.find(isPolice);
  const route = tk.authorities[authority]?.routes.emergency;
  const local = r.contacts.filter((c) => !isPolice(c));
  // Out-of-hours first: that is who answers when the 999 call is over, at any hour.
  const outOfHours = local.filter((c) => c.outOfHours || /out of hours/i.test(c.hours ?? ''));
  const rest = local.filter((c) => !outOfHours.includes(c));
  const contacts = [...outOfHours, ...rest].slice(0, 4).map((c) => ({
    ...c,
    // The route says to call 999 first and then whom: cite it with the contact.
    citations: [...c.citations, ...(route?.citations ?? []).filter((rc) => !c.citations.some((x) => x.passageId === rc.passageId))],
  }));
  return { ...(police ? { police } : {}), contacts };
}

const MAX_SUGGESTIONS = 3;
const MAX_TITLE = 60;

/** Policy questions about this result: its referrals first (rules.yaml), then its pathway (messages.yaml). */
export function suggestedQuestions(tk: TriageKnowledge, result: TriageResult): Suggestion[] {
  const questions = [
    ...result.referrals.map((r) => tk.referralTypes[r.id]?.question ?? TRIAGE_MESSAGES.referralQuestion(r.label)),
    TRIAGE_MESSAGES.pathwayQuestions[result.pathway],
  ];
  return [...new Set(questions)].slice(0, MAX_SUGGESTIONS).map((question) => ({
    question,
    title: question.length <= MAX_TITLE ? question : `${question.slice(0, MAX_TITLE - 1).trimEnd()}…`,
  }));
}
