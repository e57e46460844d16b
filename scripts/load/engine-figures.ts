import { loadEngine } from '../../bot/engine';
import { percentiles, type Percentiles } from './stats';

/** The engine alone, in process and one question at a time: what answering costs before any HTTP. */
export interface EngineFigures {
  firstAsked: Percentiles;
  askedAgain: Percentiles;
  meanAgainMs: number;
}

export async function engineFigures(questions: readonly string[]): Promise<EngineFigures> {
  const engine = loadEngine();
  await engine.whenReady();
  const time = async () => {
    const out: number[] = [];
    for (const q of questions) {
      const t = performance.now();
      await engine.answer(q, {});
      out.push(performance.now() - t);
    }
    return out;
  };
  const first = await time();
  const again = await time();
  return { firstAsked: percentiles(first), askedAgain: percentiles(again), meanAgainMs: again.reduce((a, b) => a + b, 0) / again.length };
}
