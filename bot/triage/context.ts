import { decideTriage, type TriageKnowledge, type TriageResult } from '../../knowledge/triage';
import type { CitedContact } from '../../cards/contact-view';
import type { Suggestion } from '../../cards/triage-cards';

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
  const r = decideTriage(tk, { authority, indicatorIds: ['immediate-danger'], facts: { childAges: [], unborn: false, immediateDanger: true } });
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

const PATHWAY_QUESTIONS: Record<TriageResult['pathway'], string> = {
  emergency: 'What should I do if someone is in immediate danger?',
  'child-protection': 'What happens at a strategy meeting and a s47 enquiry?',
  'child-in-need': 'What is a child in need (section 17) assessment?',
  'early-help': 'What early help is there for families affected by domestic abuse?',
  'adult-services': 'How do I support an adult victim of domestic abuse with no children?',
};

const REFERRAL_QUESTIONS: Record<string, string> = {
  marac: 'When should I refer to MARAC?',
  idva: 'How do I refer to an IDVA?',
  lado: 'When should I refer to the LADO?',
  dvds: "How does Clare's Law work?",
  'pre-birth-assessment': 'When is a pre-birth assessment needed?',
  'perpetrator-programme': 'What perpetrator programmes can I refer to?',
  'strategy-meeting': 'What happens at a strategy meeting?',
  police: 'When should I report domestic abuse to the police?',
  'manager-oversight': 'What manager oversight do domestic abuse cases need?',
  'senior-management': 'When must senior management be informed?',
  'adult-safeguarding': 'When should I make an adult safeguarding referral?',
  sehp: 'What is the Sexual Exploitation and Harm Panel?',
  'specialist-service': 'Which specialist domestic abuse services can help?',
};

const MAX_SUGGESTIONS = 3;
const MAX_TITLE = 60;

/** Policy questions about this result: its referrals first, then its pathway. */
export function suggestedQuestions(result: TriageResult): Suggestion[] {
  const questions = [
    ...result.referrals.map((r) => REFERRAL_QUESTIONS[r.id] ?? `What does the policy say about ${r.label}?`),
    PATHWAY_QUESTIONS[result.pathway],
  ];
  return [...new Set(questions)].slice(0, MAX_SUGGESTIONS).map((question) => ({
    question,
    title: question.length <= MAX_TITLE ? question : `${question.slice(0, MAX_TITLE - 1).trimEnd()}…`,
  }));
}
