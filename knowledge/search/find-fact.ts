import { analyze } from '../text/analyzer';
import { splitSentences } from '../text/sentences';
import type { QuestionKind } from './classify-question';
import type { Concept } from './expand-query';
import { shapeOf, type PassageShape } from './load-knowledge';

/**
 * Questions that ask for one fact (a phone number, an email, a timescale, a figure) are answered
 * by a sentence that states a fact of that shape about the topic, not by any sentence near the
 * topic: "how many working days for the assessment" is not answered by "an assessment will be
 * completed" plus "the office opens at 9am" elsewhere in the passage.
 */
export type FactShape = keyof Pick<PassageShape, 'phone' | 'email' | 'time' | 'figure'>;

/** The shapes of fact a question asks for (none for an open question). */
export function askedFacts(kind: QuestionKind): FactShape[] {
  const out: FactShape[] = [];
  if (kind.phone) out.push('phone');
  if (kind.email) out.push('email');
  if (kind.time) out.push('time');
  if (kind.stats) out.push('figure');
  return out;
}

/** Topic concepts: what the question is about, apart from the shape of answer and weak words. */
export function topicConcepts(concepts: readonly Concept[]): Concept[] {
  return concepts.filter((c) => !c.shape && c.weight >= 1);
}

const hasTopic = (topic: readonly Concept[], terms: Set<string>) =>
  topic.length === 0 || topic.some((c) => c.alternatives.some((a) => a.every((t) => terms.has(t))));

/**
 * Indices of the sentences of a passage that state an asked fact about the topic. The topic may
 * be named in the sentence, in the two lines before it ("First Response Service:", the hours,
 * then "Telephone: 0800 …"), in the passage's first line, or in the heading it sits under
 * ("Tel: 020 …" under "MARAC coordinator").
 */
export function factSentences(display: string, titleTerms: Set<string>, concepts: readonly Concept[], facts: readonly FactShape[]): number[] {
  if (facts.length === 0) return [];
  const topic = topicConcepts(concepts);
  const titled = hasTopic(topic, titleTerms);
  const sentences = splitSentences(display);
  const out: number[] = [];
  sentences.forEach((s, i) => {
    const shape = shapeOf(s);
    if (!facts.some((f) => shape[f])) return;
    const context = [sentences[0], sentences[i - 2], sentences[i - 1], s].filter(Boolean).join(' ');
    if (titled || hasTopic(topic, new Set(analyze(context)))) out.push(i);
  });
  return out;
}
