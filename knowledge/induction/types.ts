import type { TriageCitation } from '../triage/types';

/**
 * Shapes of the compiled induction course (build/knowledge/induction.json) and of a course as one
 * user sees it. Plain data: only the card layer knows about Adaptive Cards.
 */

/** A question as compiled: its right answer and wrong options, from the glossary or the course file. */
export type CompiledQuestion =
  | { id: string; kind: 'expansion' | 'meaning'; term: string; answer: string; distractors: string[] }
  | { id: string; kind: 'ask'; ask: string; answer: string; distractors: string[] }
  | { id: string; kind: 'contact' };

export interface CompiledStep {
  id: string;
  title: string;
  topic: string;
  cite?: TriageCitation;
  local: Record<string, TriageCitation>;
  only?: string[];
  contacts: boolean;
  questions: CompiledQuestion[];
}

export interface CompiledCourse {
  version: 1;
  title: string;
  steps: CompiledStep[];
}

/** A question ready to show: the prompt parts and the options in a fixed order (value = index). */
export interface CourseQuestion {
  id: string;
  /** Which stem the bot words it with (knowledge/messages.yaml), and the words it fills in. */
  kind: 'expansion' | 'meaning' | 'ask' | 'contact';
  fill: Record<string, string>;
  options: string[];
  /** Index of the right option. */
  answer: number;
}

export interface CourseStep {
  id: string;
  title: string;
  topic: string;
  citation: TriageCitation;
  questions: CourseQuestion[];
}
