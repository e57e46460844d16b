import type { CompiledContact, TriageCitation } from '../triage/types';
import type { CompiledCourse, CompiledQuestion, CompiledStep, CourseQuestion, CourseStep } from './types';

/**
 * The course as one user takes it: the steps for their authority (its own passages where the
 * course gives them, its contacts for a contacts step), each question with its options in a
 * fixed order, so a card shown again after a restart reads the same.
 */

/** FNV-1a: a small stable hash of a string, to seed the option order. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** The options shuffled by a seed (the question id), and where the right one ended up. */
export function arrange(answer: string, distractors: readonly string[], seed: string): { options: string[]; answer: number } {
  const options = [answer, ...distractors.filter((d) => d !== answer)];
  let state = hash(seed) || 1;
  for (let i = options.length - 1; i > 0; i--) {
    state = Math.imul(state, 1664525) + 1013904223;
    const j = (state >>> 0) % (i + 1);
    [options[i], options[j]] = [options[j]!, options[i]!];
  }
  return { options, answer: options.indexOf(answer) };
}

/** Contacts with a phone number and a name that tells them apart: what a contacts question can ask about. */
function askable(contacts: readonly CompiledContact[]): CompiledContact[] {
  const seen = new Set<string>();
  return contacts.filter((c) => {
    const name = (c.name ?? c.role).trim();
    if (seen.has(name)) return false;
    seen.add(name);
    return true;
  });
}

function contactQuestion(q: CompiledQuestion, contacts: readonly CompiledContact[], authorityName: string): CourseQuestion | undefined {
  const people = askable(contacts);
  const asked = people.find((c) => c.phone?.trim());
  if (!asked || people.length < 2) return undefined;
  const name = (c: CompiledContact) => (c.name ?? c.role).trim();
  const others = people.filter((c) => c !== asked).map(name);
  const { options, answer } = arrange(name(asked), others.slice(0, 3), q.id);
  return { id: q.id, kind: 'contact', fill: { authority: authorityName, phone: asked.phone!.trim() }, options, answer };
}

function question(q: CompiledQuestion, contacts: readonly CompiledContact[], authorityName: string): CourseQuestion | undefined {
  if (q.kind === 'contact') return contactQuestion(q, contacts, authorityName);
  const { options, answer } = arrange(q.answer, q.distractors, q.id);
  const fill: Record<string, string> = q.kind === 'ask' ? { ask: q.ask } : { term: q.term };
  return { id: q.id, kind: q.kind, fill, options, answer };
}

export interface CourseFor {
  authority?: { id: string; name: string; contacts: readonly CompiledContact[] };
}

function citationOf(step: CompiledStep, who: CourseFor['authority']): TriageCitation | undefined {
  if (step.contacts) return who?.contacts.find((c) => c.phone?.trim())?.citations[0];
  return (who && step.local[who.id]) ?? step.cite;
}

/** The steps one user takes, in course order; a step that cannot be shown for them (no contacts, `only` another authority) is left out. */
export function courseFor(course: CompiledCourse, opts: CourseFor = {}): CourseStep[] {
  const who = opts.authority;
  const steps: CourseStep[] = [];
  for (const step of course.steps) {
    if (step.only && !(who && step.only.includes(who.id))) continue;
    const citation = citationOf(step, who);
    if (!citation) continue;
    const questions = step.questions.map((q) => question(q, who?.contacts ?? [], who?.name ?? ''));
    if (questions.some((q) => q === undefined)) continue;
    steps.push({ id: step.id, title: step.title, topic: step.topic, citation, questions: questions as CourseQuestion[] });
  }
  return steps;
}
