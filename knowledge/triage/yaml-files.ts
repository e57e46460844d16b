import { readdirSync } from 'node:fs';

/** The names of the YAML files in a directory, sorted. */
export function yamlFilesIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((n) => /\.ya?ml$/.test(n))
    .sort();
}
