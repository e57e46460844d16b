import { courseFor, loadInductionCourse, type CompiledCourse, type CourseStep } from '../../knowledge/induction';
import { loadTriageKnowledge, type TriageKnowledge } from '../../knowledge/triage';
import type { Progress } from './progress';

/** The course a user takes (for their authority) and where they are in it. */

export interface CourseSources {
  course: () => CompiledCourse;
  triage: () => TriageKnowledge;
}

let compiled: CompiledCourse | undefined;
let triage: TriageKnowledge | undefined;
/** The built course and contacts (build/knowledge), loaded on first use. */
export const builtSources: CourseSources = {
  course: () => (compiled ??= loadInductionCourse()),
  triage: () => (triage ??= loadTriageKnowledge()),
};

export function stepsFor(sources: CourseSources, authority: { id: string; name: string }): CourseStep[] {
  const contacts = sources.triage().authorities[authority.id]?.contacts ?? [];
  return courseFor(sources.course(), { authority: { ...authority, contacts } });
}

export interface Position {
  /** The first step not done, or undefined when every step is done. */
  step?: CourseStep;
  /** 1-based number of that step. */
  n: number;
  total: number;
  doneCount: number;
}

export function positionIn(steps: readonly CourseStep[], progress: Progress): Position {
  const done = new Set(progress.done.map((d) => d.id));
  const at = steps.findIndex((s) => !done.has(s.id));
  const doneCount = steps.filter((s) => done.has(s.id)).length;
  return at < 0 ? { n: steps.length, total: steps.length, doneCount } : { step: steps[at]!, n: at + 1, total: steps.length, doneCount };
}

/** The topics of the steps done, in course order. */
export function topicsDone(steps: readonly CourseStep[], progress: Progress): string[] {
  const done = new Set(progress.done.map((d) => d.id));
  return steps.filter((s) => done.has(s.id)).map((s) => s.topic);
}
