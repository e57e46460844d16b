import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dot } from './encoder';

/**
 * Precomputed vectors for things the engine compares a user's text with (passages, indicator
 * examples). Each thing ("owner") has one or more units (its sentences, its examples); identical
 * texts share one stored row. The build writes it; the runtime only reads it.
 */
export interface MeaningTable {
  model: string;
  dimensions: number;
  /** Unique vectors, row after row. */
  vectors: Float32Array;
  /** For each unit: its row in `vectors`. */
  unitRows: ArrayLike<number>;
  /** For each unit: the index of the thing it belongs to. */
  unitOwners: ArrayLike<number>;
  /** How many owners there are (owners without units score -1). */
  owners: number;
}

interface TableMeta {
  model: string;
  dimensions: number;
  unitRows: number[];
  unitOwners: number[];
  owners: number;
}

/** Build a table from units (owner index, text) and a vector per distinct text. */
export function tableOf(
  model: string,
  dimensions: number,
  owners: number,
  units: { owner: number; text: string }[],
  vectorOf: Map<string, Float32Array>,
): MeaningTable {
  const rowOf = new Map<string, number>();
  const texts: string[] = [];
  const unitRows = units.map((u) => {
    let row = rowOf.get(u.text);
    if (row === undefined) {
      row = texts.length;
      rowOf.set(u.text, row);
      texts.push(u.text);
    }
    return row;
  });
  const vectors = new Float32Array(texts.length * dimensions);
  texts.forEach((t, i) => vectors.set(vectorOf.get(t)!, i * dimensions));
  return { model, dimensions, vectors, unitRows, unitOwners: units.map((u) => u.owner), owners };
}

export function writeTable(dir: string, name: string, table: MeaningTable): void {
  const meta: TableMeta = {
    model: table.model,
    dimensions: table.dimensions,
    unitRows: Array.from(table.unitRows),
    unitOwners: Array.from(table.unitOwners),
    owners: table.owners,
  };
  writeFileSync(join(dir, `${name}.bin`), Buffer.from(table.vectors.buffer, table.vectors.byteOffset, table.vectors.byteLength));
  writeFileSync(join(dir, `${name}.json`), JSON.stringify(meta));
}

export function readTable(dir: string, name: string): MeaningTable {
  const meta = JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as TableMeta;
  const buf = readFileSync(join(dir, `${name}.bin`));
  // Copied into its own aligned buffer: a Buffer's byteOffset need not be a multiple of 4.
  const vectors = new Float32Array(buf.byteLength / 4);
  new Uint8Array(vectors.buffer).set(buf);
  if (vectors.length % meta.dimensions !== 0 || meta.unitRows.some((r) => (r + 1) * meta.dimensions > vectors.length)) {
    throw new Error(`${join(dir, name)}: vectors and index disagree; rebuild the knowledge`);
  }
  // Typed arrays: every question scans every unit.
  return { ...meta, vectors, unitRows: Int32Array.from(meta.unitRows), unitOwners: Int32Array.from(meta.unitOwners) };
}

function rowScores(table: MeaningTable, query: Float32Array): Float32Array {
  const rows = table.vectors.length / table.dimensions;
  const out = new Float32Array(rows);
  for (let r = 0; r < rows; r++) out[r] = dot(query, table.vectors, r * table.dimensions);
  return out;
}

/** Similarity of the query to every unit, in unit order. */
export function unitSimilarities(table: MeaningTable, query: Float32Array): Float32Array {
  const rows = rowScores(table, query);
  const out = new Float32Array(table.unitRows.length);
  for (let u = 0; u < out.length; u++) out[u] = rows[table.unitRows[u]!]!;
  return out;
}

/** Each owner's best similarity to the query over its units (-1 for an owner with none). */
export function ownerSimilarities(table: MeaningTable, query: Float32Array): Float32Array {
  const rows = rowScores(table, query);
  const out = new Float32Array(table.owners).fill(-1);
  const { unitRows, unitOwners } = table;
  for (let u = 0; u < unitRows.length; u++) {
    const s = rows[unitRows[u]!]!;
    const o = unitOwners[u]!;
    if (s > out[o]!) out[o] = s;
  }
  return out;
}

/** Indices of the `k` largest values, largest first (one pass, no sort of the whole array). */
export function topIndices(values: ArrayLike<number>, k: number): number[] {
  const top: number[] = [];
  for (let i = 0; i < values.length; i++) {
    if (top.length === k && values[i]! <= values[top[k - 1]!]!) continue;
    let at = top.length;
    while (at > 0 && values[top[at - 1]!]! < values[i]!) at--;
    top.splice(at, 0, i);
    if (top.length > k) top.pop();
  }
  return top;
}
