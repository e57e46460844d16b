import { join } from 'node:path';
import { type z } from 'zod';
import { KnowledgeFileError, lineOf, loadDataFile } from '../data-file';
import type { DocumentMeta } from '../types';
import { compileContact, compileRule, type Cites } from './compile-rules';
import { shown } from './error-location';
import { authorityFileSchema, type SchemaContext } from './schemas';
import type { CompiledAuthority, CompiledRoute } from './types';
import { yamlFilesIn } from './yaml-files';

type AuthorityData = z.infer<ReturnType<typeof authorityFileSchema>>;

/** An authority file's id matches its name, and every document it names is a known source. */
function checkAuthorityFile(file: string, name: string, a: AuthorityData, documents: ReadonlyMap<string, DocumentMeta>): void {
  if (`${a.id}.yaml` !== name && `${a.id}.yml` !== name)
    throw new KnowledgeFileError(shown(file), lineOf(file, /^id:/), `id "${a.id}" must match the file name`);
  for (const d of a.documents) {
    if (!documents.has(d)) throw new KnowledgeFileError(shown(file), lineOf(file, /^documents:/), `unknown document "${d}"`);
  }
}

/** An authority's routes, by pathway, with their citations resolved. */
function compileRoutes(routes: AuthorityData['routes'], cites: Cites): Record<string, CompiledRoute> {
  return Object.fromEntries(
    Object.entries(routes).map(([p, r]) => [p, { summary: r.summary, contacts: r.contacts, nextSteps: r.nextSteps, citations: cites(r.cite) }]),
  );
}

/** One authority compiled: its contacts, routes and local rules. */
function compileAuthority(file: string, a: AuthorityData, cites: Cites): CompiledAuthority {
  return {
    id: a.id,
    name: a.name,
    aliases: a.aliases,
    documents: a.documents,
    contacts: a.contacts.map((c) => compileContact(c, cites)),
    routes: compileRoutes(a.routes, cites),
    rules: a.rules.map((r) => compileRule(file, a.id, r, cites)),
    escalation: a.escalation.map((e) => ({
      topic: e.topic,
      what: e.what,
      ...(e.when ? { when: e.when } : {}),
      contacts: e.contacts,
      citations: cites(e.cite),
    })),
  };
}

/** Every file of knowledge/authorities/, validated, checked and compiled, by authority id. */
export function compileAuthorities(
  authDir: string,
  ctx: SchemaContext,
  documents: ReadonlyMap<string, DocumentMeta>,
  cites: Cites,
): Record<string, CompiledAuthority> {
  const authorities: Record<string, CompiledAuthority> = {};
  for (const f of yamlFilesIn(authDir)) {
    const file = join(authDir, f);
    const a = loadDataFile(file, authorityFileSchema(ctx));
    checkAuthorityFile(file, f, a, documents);
    authorities[a.id] = compileAuthority(file, a, cites);
  }
  return authorities;
}
