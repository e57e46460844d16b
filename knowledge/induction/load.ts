import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtKnowledgeDir } from '../paths';
import { INDUCTION_FILE } from './compile';
import type { CompiledCourse } from './types';

/** The compiled course from the knowledge build (build/knowledge/induction.json). */
export function loadInductionCourse(dir: string = builtKnowledgeDir): CompiledCourse {
  return JSON.parse(readFileSync(join(dir, INDUCTION_FILE), 'utf8')) as CompiledCourse;
}
