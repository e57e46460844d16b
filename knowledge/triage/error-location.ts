import { relative } from 'node:path';
import { lineOf } from '../data-file';

/** A data file's path as an error shows it: relative to the working directory. */
export function shown(file: string): string {
  return relative(process.cwd(), file) || file;
}

/** A string as a regular expression source that matches it literally. */
export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The line of a data file that declares `id: <id>`. */
export function idLine(file: string, id: string): number | undefined {
  return lineOf(file, new RegExp(`id:\\s*${escapeRe(id)}\\b`));
}
