import type { AnswerResult, Engine, RankedAnswer } from '../engine';

/** The longest topic kept (a document title and section path). */
const MAX_TOPIC = 300;

function citedTopic(answer: RankedAnswer): string {
  return [answer.citation.title, answer.citation.section].filter(Boolean).join(' › ').slice(0, MAX_TOPIC);
}

/** What a rating is about: the passage's document and section (undefined if the library no longer has it). */
export function passageTopic(engine: Engine, passageId: string): string | undefined {
  const answer = engine.passage(passageId);
  return answer ? citedTopic(answer) : undefined;
}

/** Declines that show a gap in what the library answers (not an empty message or a staff-admin question). */
export function isGap(result: AnswerResult): boolean {
  return !result.answered && (result.decline?.reason === 'off-topic' || result.decline?.reason === 'uncovered-authority');
}

/**
 * What a declined question is filed under, from what the engine found, never from the question:
 * the nearest passage's document and section, else a glossary term it recognised, else the
 * authority it has no documents for.
 */
export function gapTopic(result: AnswerResult): { topic?: string; passageId?: string } {
  const nearest = result.nearest?.[0];
  if (nearest) return { topic: citedTopic(nearest), passageId: nearest.passage.id };
  const term = result.glossary?.[0]?.term;
  if (term) return { topic: `Glossary: ${term}`.slice(0, MAX_TOPIC) };
  const authority = result.decline?.reason === 'uncovered-authority' ? result.decline.authorityName : undefined;
  return authority ? { topic: `No documents for ${authority}`.slice(0, MAX_TOPIC) } : {};
}
