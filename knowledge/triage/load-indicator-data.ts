import { join } from 'node:path';
import { KnowledgeFileError, lineOf, loadDataFile } from '../data-file';
import { idLine, shown } from './error-location';
import { indicatorGroupFileSchema, readingFileSchema, type IndicatorEntry, type IndicatorsFile } from './schemas';
import { INDICATOR_GROUPS } from './types';
import { yamlFilesIn } from './yaml-files';

type Group = IndicatorsFile['indicators'][number]['group'];

/** The group an indicator file is for (its name without .yaml); any other name is an error. */
function groupOfFile(file: string, name: string): Group {
  const group = name.replace(/\.ya?ml$/, '');
  if (!(INDICATOR_GROUPS as readonly string[]).includes(group)) {
    throw new KnowledgeFileError(shown(file), 1, `the file name must be one of the groups ${INDICATOR_GROUPS.join(', ')}`);
  }
  return group as Group;
}

/** Add a file's vocabularies to those already read; a name defined twice is an error. */
function mergeVocabularies(file: string, from: IndicatorsFile['vocabularies'], into: IndicatorsFile['vocabularies']): void {
  for (const [name, list] of Object.entries(from)) {
    if (into[name]) throw new KnowledgeFileError(shown(file), lineOf(file, new RegExp(`^\\s+${name}:`)), `vocabulary {${name}} is already defined`);
    into[name] = list;
  }
}

/** Add a file's indicators with their group and file; an id already defined in another file is an error. */
function addIndicators(file: string, group: Group, from: IndicatorEntry[], into: IndicatorsFile['indicators'], fileOf: Map<string, string>): void {
  for (const ind of from) {
    const other = fileOf.get(ind.id);
    if (other) throw new KnowledgeFileError(shown(file), idLine(file, ind.id), `indicator "${ind.id}" is also defined in ${shown(other)}`);
    fileOf.set(ind.id, file);
    into.push({ ...ind, group, file });
  }
}

/** reading.yaml and every file of triage/indicators/, merged; the file name is the group. */
export function loadIndicatorData(kdir: string): IndicatorsFile {
  const reading = loadDataFile(join(kdir, 'triage', 'reading.yaml'), readingFileSchema);
  const dir = join(kdir, 'triage', 'indicators');
  const indicators: IndicatorsFile['indicators'] = [];
  const vocabularies = { ...reading.vocabularies };
  const fileOf = new Map<string, string>();
  for (const f of yamlFilesIn(dir)) {
    const file = join(dir, f);
    const group = groupOfFile(file, f);
    const data = loadDataFile(file, indicatorGroupFileSchema);
    mergeVocabularies(file, data.vocabularies ?? {}, vocabularies);
    addIndicators(file, group, data.indicators, indicators, fileOf);
  }
  return { ...reading, vocabularies, indicators };
}
