import type { AnswerResult, Engine } from '../../bot/engine';

/**
 * The real engine with `answer` replaced by a lookup: every question the load will ask is answered
 * once by the real engine beforehand, then served from a map. Replies carry real answer cards, so
 * what the load measures is the bot's own cost per message (HTTP, adapter, state, cards, replies).
 */
export async function stubEngine(real: Engine, questions: readonly string[]): Promise<Engine> {
  await real.whenReady();
  const answers = new Map<string, AnswerResult>();
  const key = (question: string, authority?: string) => `${authority ?? ''}\u0000${question}`;
  for (const q of new Set(questions)) answers.set(key(q), await real.answer(q, {}));
  return {
    kb: real.kb,
    authorities: real.authorities,
    get meaningReady() {
      return real.meaningReady;
    },
    get meaningStatus() {
      return real.meaningStatus;
    },
    whenReady: () => real.whenReady(),
    answer: async (question, opts) => answers.get(key(question, opts.authority)) ?? real.answer(question, opts),
    search: (query, opts) => real.search(query, opts),
    glossary: (term) => real.glossary(term),
    passage: (id) => real.passage(id),
  };
}
