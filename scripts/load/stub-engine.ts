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
  // A question not in the map is answered by the real engine, so the stub figures would include it: say so.
  let misses = 0;
  const miss: Engine['answer'] = (question, opts) => {
    if (misses++ === 0) console.error(`stub engine: ${JSON.stringify(question)} is not in its map: answered by the real engine`);
    return real.answer(question, opts);
  };
  process.once('exit', () => {
    if (misses > 0) console.error(`stub engine: ${misses} questions not in its map were answered by the real engine`);
  });
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
    answer: async (question, opts) => answers.get(key(question, opts.authority)) ?? miss(question, opts),
    search: (query, opts) => real.search(query, opts),
    glossary: (term) => real.glossary(term),
    passage: (id) => real.passage(id),
  };
}
