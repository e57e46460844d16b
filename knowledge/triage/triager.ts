import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { INDICATOR_MEANING } from '../store';
import type { SentenceEncoder } from '../meaning/encoder';
import { readTable, type MeaningTable } from '../meaning/meaning-table';
import { loadUseLiteEncoder } from '../meaning/use-lite-encoder';
import { builtKnowledgeDir } from '../paths';
import { triage, type TriageOutcome, type TriageRequest } from './run-triage';
import { readIndicators } from './read-indicators';
import { MEANING_READING, meaningClauses, readMeaning, type MeaningReading, type MeaningThresholds } from './read-meaning';
import type { TriageKnowledge } from './types';

/**
 * Triage with both readers: encodes the description's clauses (indicator examples were encoded by
 * the knowledge build) and joins the meaning findings to the patterns'. Until the encoder has
 * loaded, or when no vectors were built, it reads with patterns alone. The bot, the CLI and the
 * evaluation share it.
 */
export interface Triager {
  readonly tk: TriageKnowledge;
  readonly meaningReady: boolean;
  whenReady(): Promise<void>;
  /** The meaning reader's findings for a description (empty while the encoder loads). */
  readMeaning(description: string, thresholds?: MeaningThresholds): Promise<MeaningReading>;
  triage(req: Omit<TriageRequest, 'meaning'>): Promise<TriageOutcome>;
}

export function loadIndicatorMeaning(dir: string = builtKnowledgeDir): MeaningTable | undefined {
  return existsSync(join(dir, `${INDICATOR_MEANING}.json`)) ? readTable(dir, INDICATOR_MEANING) : undefined;
}

export function createTriager(tk: TriageKnowledge, table: MeaningTable | undefined, loadEncoder: () => Promise<SentenceEncoder> = loadUseLiteEncoder): Triager {
  let encoder: SentenceEncoder | undefined;
  // Indicators, the background, then each indicator's counter-examples (knowledge/ingest/build.ts).
  const usable = table !== undefined && table.owners === 2 * tk.indicators.length + 1;
  const ready = usable
    ? loadEncoder().then(
        (e) => {
          if (e.model === table.model && e.dimensions === table.dimensions) encoder = e;
        },
        () => undefined,
      )
    : Promise.resolve();

  async function meaningOf(description: string, thresholds: MeaningThresholds = MEANING_READING): Promise<MeaningReading> {
    if (!encoder || !table) return { findings: [], unexplained: [] };
    const clauses = meaningClauses(tk, description);
    if (clauses.length === 0) return { findings: [], unexplained: [] };
    const vectors = await encoder.encode(clauses);
    const evidence = readIndicators(tk, description).indicators.map((i) => i.evidence);
    return readMeaning(tk, table, clauses, vectors, evidence, thresholds);
  }

  return {
    tk,
    get meaningReady() {
      return encoder !== undefined;
    },
    whenReady: () => ready,
    readMeaning: meaningOf,
    async triage(req) {
      return triage(tk, { ...req, meaning: await meaningOf(req.description) });
    },
  };
}
