/**
 * Builds the Teams app manifest from `manifest.template.json` and the environment, and
 * validates it offline against the JSON schema shipped in `@microsoft/app-manifest`.
 *
 * Nothing here touches the network: the schema is read from node_modules, never from the
 * URL in `$schema`.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { z } from 'zod';
import { projectRoot } from '../knowledge/paths';
import { envFields } from '../bot/env';

/** An all-zero GUID: obviously not a real registration, so nobody mistakes a local package for a deployable one. */
export const PLACEHOLDER_APP_ID = '00000000-0000-0000-0000-000000000000';
export const LOCAL_BASE_URL = 'http://localhost:3978';
/** Older Teams clients show at most 10 commands per list, although schema 1.30 allows 12. */
export const MAX_COMMANDS_PER_LIST = 10;
export const DEFAULT_DEVELOPER_NAME = 'Safeguarding Policy Assistant';

export const PLACEHOLDERS = [
  'APP_VERSION',
  'TEAMS_APP_ID',
  'BOT_ID',
  'APP_DOMAIN',
  'PUBLIC_BASE_URL',
  'APP_NAME_SUFFIX',
  'DEVELOPER_NAME',
  'DEVELOPER_WEBSITE_URL',
  'PRIVACY_URL',
  'TERMS_URL',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type PlaceholderValues = Record<Placeholder, string>;

export const PROJECT_ROOT = projectRoot;
export const MANIFEST_DIR = path.join(PROJECT_ROOT, 'manifest');
export const TEMPLATE_PATH = path.join(MANIFEST_DIR, 'manifest.template.json');
export const ICONS_DIR = path.join(MANIFEST_DIR, 'icons');
export const DEFAULT_PACKAGE_PATH = path.join(PROJECT_ROOT, 'build', 'appPackage.zip');

/** A configuration problem: the package must not be built. */
export class ManifestError extends Error {
  constructor(
    readonly problems: string[],
    readonly warnings: string[] = [],
  ) {
    super(`Teams app manifest problems:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ManifestError';
  }
}

// ---------------------------------------------------------------------------------------
// Environment

/** The variables `npm run package` reads, from the project's one environment schema. Everything is optional here; release rules are applied afterwards. */
export const packagingEnvSchema = envFields.pick({
  MicrosoftAppId: true,
  TEAMS_APP_ID: true,
  PUBLIC_BASE_URL: true,
  TEAMS_APP_VERSION: true,
  TEAMS_APP_NAME_SUFFIX: true,
  TEAMS_DEVELOPER_NAME: true,
  TEAMS_DEVELOPER_URL: true,
  TEAMS_PRIVACY_URL: true,
  TEAMS_TERMS_URL: true,
});
export type PackagingEnv = z.infer<typeof packagingEnvSchema>;

export interface ResolveOptions {
  /** A release package must carry a real app id and an https base URL: warnings become errors. */
  release?: boolean;
  /** Defaults to the version in package.json. */
  packageVersion?: string;
}

export interface ResolvedConfig {
  values: PlaceholderValues;
  warnings: string[];
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Teams requires MAJOR.MINOR.PATCH with no pre-release tag; this is the schema's own `semver` definition. */
const SEMVER = /^([0-9]|[1-9]+[0-9]*)\.([0-9]|[1-9]+[0-9]*)\.([0-9]|[1-9]+[0-9]*)$/;

export function readPackageVersion(): string {
  const pkg: unknown = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8'));
  const version = z.object({ version: z.string() }).parse(pkg).version;
  return version;
}

/** Reads and checks the environment, returning the template values or throwing a ManifestError that lists every problem. */
export function resolveConfig(env: NodeJS.ProcessEnv, options: ResolveOptions = {}): ResolvedConfig {
  const release = options.release ?? false;
  const problems: string[] = [];
  const warnings: string[] = [];

  // Report every bad variable at once: drop the invalid ones and carry on with the rest.
  const invalid = new Set<string>();
  let parsed = packagingEnvSchema.safeParse(env);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? 'environment');
      invalid.add(key);
      problems.push(`${key} ${issue.message}`);
    }
    parsed = packagingEnvSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([key]) => !invalid.has(key))));
    if (!parsed.success) throw new ManifestError(problems);
  }
  const vars = parsed.data;

  let botId = vars.MicrosoftAppId;
  if (invalid.has('MicrosoftAppId')) {
    botId = PLACEHOLDER_APP_ID;
  } else if (!botId || botId === PLACEHOLDER_APP_ID) {
    if (release) {
      problems.push('MicrosoftAppId is required for a release package: set it to the Azure Bot app registration id (a GUID).');
    } else {
      warnings.push(
        `MicrosoftAppId is not set: using the placeholder ${PLACEHOLDER_APP_ID}. This package is for local checks only; Teams will not reach the bot.`,
      );
    }
    botId = PLACEHOLDER_APP_ID;
  }

  let baseUrl: URL;
  if (invalid.has('PUBLIC_BASE_URL')) {
    baseUrl = new URL(LOCAL_BASE_URL);
  } else if (!vars.PUBLIC_BASE_URL) {
    if (release) problems.push('PUBLIC_BASE_URL is required for a release package, e.g. https://safeguarding-bot.azurewebsites.net');
    else warnings.push(`PUBLIC_BASE_URL is not set: using ${LOCAL_BASE_URL}. Teams cannot load tabs from it.`);
    baseUrl = new URL(LOCAL_BASE_URL);
  } else {
    baseUrl = new URL(vars.PUBLIC_BASE_URL);
  }
  if (baseUrl.protocol === 'http:') {
    if (!LOCAL_HOSTS.has(baseUrl.hostname)) {
      problems.push(`PUBLIC_BASE_URL must use https (http is allowed only for localhost): ${baseUrl.href}`);
    } else if (release) {
      if (vars.PUBLIC_BASE_URL) problems.push(`PUBLIC_BASE_URL must be a public https URL for a release package, not ${baseUrl.href}`);
    } else if (vars.PUBLIC_BASE_URL) {
      warnings.push(`PUBLIC_BASE_URL is ${baseUrl.href}: fine for local checks, but Teams needs a public https address.`);
    }
  }
  if (baseUrl.search || baseUrl.hash || baseUrl.username || baseUrl.password) {
    problems.push('PUBLIC_BASE_URL must not contain credentials, a query string or a fragment.');
  }
  const publicBaseUrl = `${baseUrl.origin}${baseUrl.pathname.replace(/\/+$/, '')}`;

  const version = vars.TEAMS_APP_VERSION ?? options.packageVersion ?? readPackageVersion();
  if (!SEMVER.test(version)) {
    problems.push(
      `The app version "${version}" must be MAJOR.MINOR.PATCH (digits only) for Teams. Set TEAMS_APP_VERSION to override the package.json version.`,
    );
  }

  if (problems.length > 0) throw new ManifestError(problems, warnings);

  return {
    values: {
      APP_VERSION: version,
      TEAMS_APP_ID: vars.TEAMS_APP_ID ?? botId,
      BOT_ID: botId,
      // validDomains takes a host name: no scheme, and no port.
      APP_DOMAIN: baseUrl.hostname,
      PUBLIC_BASE_URL: publicBaseUrl,
      APP_NAME_SUFFIX: vars.TEAMS_APP_NAME_SUFFIX ? ` ${vars.TEAMS_APP_NAME_SUFFIX}` : '',
      DEVELOPER_NAME: vars.TEAMS_DEVELOPER_NAME ?? DEFAULT_DEVELOPER_NAME,
      DEVELOPER_WEBSITE_URL: vars.TEAMS_DEVELOPER_URL ?? publicBaseUrl,
      PRIVACY_URL: vars.TEAMS_PRIVACY_URL ?? `${publicBaseUrl}/privacy`,
      TERMS_URL: vars.TEAMS_TERMS_URL ?? `${publicBaseUrl}/terms`,
    },
    warnings,
  };
}

// ---------------------------------------------------------------------------------------
// Template

const PLACEHOLDER_PATTERN = /\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

export function readTemplate(file: string = TEMPLATE_PATH): unknown {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/**
 * Replaces `${{NAME}}` inside every string of the parsed template. Working on parsed JSON
 * rather than text means a value can never break the JSON syntax.
 */
export function fillTemplate(template: unknown, values: PlaceholderValues): unknown {
  const unknownNames = new Set<string>();
  const fill = (node: unknown): unknown => {
    if (typeof node === 'string') {
      return node.replace(PLACEHOLDER_PATTERN, (whole, name: string) => {
        if ((PLACEHOLDERS as readonly string[]).includes(name)) return values[name as Placeholder];
        unknownNames.add(name);
        return whole;
      });
    }
    if (Array.isArray(node)) return node.map(fill);
    if (node !== null && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, fill(value)]));
    }
    return node;
  };
  const filled = fill(template);
  if (unknownNames.size > 0) {
    throw new ManifestError([...unknownNames].map((name) => `The template uses an unknown placeholder \${{${name}}}`));
  }
  return filled;
}

export interface BuiltManifest {
  manifest: Record<string, unknown>;
  warnings: string[];
}

export interface BuildOptions extends ResolveOptions {
  /** A parsed template; defaults to manifest.template.json. */
  template?: unknown;
}

/** Environment + template → manifest object (not yet schema-validated). */
export function buildManifest(env: NodeJS.ProcessEnv = process.env, options: BuildOptions = {}): BuiltManifest {
  const { values, warnings } = resolveConfig(env, options);
  const filled = fillTemplate(options.template ?? readTemplate(), values);
  if (filled === null || typeof filled !== 'object' || Array.isArray(filled)) {
    throw new ManifestError(['The manifest template must be a JSON object']);
  }
  return { manifest: filled as Record<string, unknown>, warnings };
}

// ---------------------------------------------------------------------------------------
// Validation

const APP_MANIFEST_PACKAGE_JSON = require.resolve('@microsoft/app-manifest/package.json');

function appManifestSchemasDir(): string {
  return path.join(path.dirname(APP_MANIFEST_PACKAGE_JSON), 'build', 'json-schemas', 'teams');
}

interface SchemaError {
  instancePath: string;
  message?: string;
  params?: unknown;
}
interface CompiledSchema {
  (data: unknown): boolean;
  errors?: SchemaError[] | null;
}
interface AjvInstance {
  compile(schema: object): CompiledSchema;
}

/**
 * The validator AppManifestUtils.validateAgainstSchema uses: ajv with the draft-04 dialect
 * (every Teams schema is draft-04), allErrors, and the uri/email/regex formats. It is
 * resolved from @microsoft/app-manifest's own dependencies, so no package is added. The
 * library's entry point itself cannot be used: it imports strip-bom 5, which is ESM-only
 * and fails to load under jest.
 */
function createDraft04Validator(): AjvInstance {
  const fromAppManifest = createRequire(APP_MANIFEST_PACKAGE_JSON);
  const Ajv = fromAppManifest('ajv-draft-04') as new (options: object) => AjvInstance;
  const addFormats = fromAppManifest('ajv-formats') as (ajv: AjvInstance, formats: string[]) => void;
  const ajv = new Ajv({ allErrors: true, strictTypes: false });
  addFormats(ajv, ['uri', 'email', 'regex']);
  return ajv;
}

const compiledSchemas = new Map<string, CompiledSchema>();

function compiledSchemaFor(manifestVersion: string): CompiledSchema {
  let compiled = compiledSchemas.get(manifestVersion);
  if (!compiled) {
    compiled = createDraft04Validator().compile(loadSchema(manifestVersion));
    compiledSchemas.set(manifestVersion, compiled);
  }
  return compiled;
}

/** Schema errors in the library's format: "<instancePath> <message>. Details: <params>". */
export function schemaErrors(manifest: unknown, manifestVersion: string): string[] {
  const validate = compiledSchemaFor(manifestVersion);
  // A JSON round trip validates what will be written, without undefined-valued keys.
  if (validate(JSON.parse(JSON.stringify(manifest)))) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath || '(root)'} ${error.message ?? ''}. Details: ${JSON.stringify(error.params ?? {})}`);
}

/** The manifest versions whose schemas ship with @microsoft/app-manifest, oldest first. */
export function shippedSchemaVersions(): string[] {
  const numeric = (v: string) => v.split('.').map(Number);
  return fs
    .readdirSync(appManifestSchemasDir())
    .filter((name) => /^v\d+\.\d+$/.test(name))
    .map((name) => name.slice(1))
    .sort((a, b) => {
      const [a1 = 0, a2 = 0] = numeric(a);
      const [b1 = 0, b2 = 0] = numeric(b);
      return a1 - b1 || a2 - b2;
    });
}

const schemaCache = new Map<string, object>();

/** Loads the shipped schema for a manifest version from disk. Never downloads. */
export function loadSchema(manifestVersion: string): object {
  const cached = schemaCache.get(manifestVersion);
  if (cached) return cached;
  if (!/^\d+\.\d+$/.test(manifestVersion)) {
    throw new ManifestError([`manifestVersion "${manifestVersion}" is not a released schema version such as 1.30`]);
  }
  const file = path.join(appManifestSchemasDir(), `v${manifestVersion}`, 'MicrosoftTeams.schema.json');
  if (!fs.existsSync(file)) {
    throw new ManifestError([
      `No schema for manifestVersion ${manifestVersion} ships with @microsoft/app-manifest (shipped: ${shippedSchemaVersions().join(', ')})`,
    ]);
  }
  // Some published schemas contain \a and \v escapes that JSON.parse rejects; the library cleans them the same way.
  const raw = fs.readFileSync(file, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b');
  const schema = JSON.parse(raw) as object;
  schemaCache.set(manifestVersion, schema);
  return schema;
}

type Json = Record<string, unknown>;
const asRecord = (value: unknown): Json | undefined => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined);
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const asString = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/**
 * Checks the schema cannot express, or expresses more loosely than Teams clients need.
 * Each message starts with "rule:" so it is clear it is ours and not the schema's.
 */
export function checkProjectRules(manifest: unknown): string[] {
  const errors: string[] = [];
  const root = asRecord(manifest);
  if (!root) return ['rule: the manifest must be a JSON object'];

  const manifestVersion = asString(root.manifestVersion);
  const schemaUrl = asString(root.$schema);
  if (manifestVersion && schemaUrl && !schemaUrl.endsWith(`/v${manifestVersion}/MicrosoftTeams.schema.json`)) {
    errors.push(`rule: /$schema ${schemaUrl} does not match manifestVersion ${manifestVersion}`);
  }

  const version = asString(root.version);
  if (version !== undefined && !SEMVER.test(version)) {
    errors.push(`rule: /version "${version}" must be MAJOR.MINOR.PATCH (Teams rejects other version strings)`);
  }

  const bot = asRecord(asArray(root.bots)[0]);
  const botId = asString(bot?.botId);
  const botScopes = asArray(bot?.scopes).filter((s): s is string => typeof s === 'string');
  const listed = new Map<string, number>();
  asArray(bot?.commandLists).forEach((entry, i) => {
    const list = asRecord(entry);
    const commands = asArray(list?.commands);
    if (commands.length > MAX_COMMANDS_PER_LIST) {
      errors.push(`rule: /bots/0/commandLists/${i}/commands has ${commands.length} commands; older Teams clients show at most ${MAX_COMMANDS_PER_LIST}`);
    }
    commands.forEach((command, j) => {
      const title = asString(asRecord(command)?.title) ?? '';
      if (title.length > 32) errors.push(`rule: /bots/0/commandLists/${i}/commands/${j}/title is longer than 32 characters`);
    });
    for (const scope of asArray(list?.scopes)) {
      if (typeof scope === 'string') listed.set(scope, (listed.get(scope) ?? 0) + 1);
    }
  });
  for (const scope of botScopes) {
    if (!listed.has(scope)) errors.push(`rule: the bot scope "${scope}" has no commandLists entry`);
  }
  for (const [scope, count] of listed) {
    if (count > 1) errors.push(`rule: the scope "${scope}" appears in ${count} commandLists entries; Teams uses one list per scope`);
    if (!botScopes.includes(scope)) errors.push(`rule: commandLists names the scope "${scope}" but the bot is not available there`);
  }

  asArray(root.composeExtensions).forEach((entry, i) => {
    const extensionBotId = asString(asRecord(entry)?.botId);
    if (botId && extensionBotId && extensionBotId !== botId) {
      errors.push(`rule: /composeExtensions/${i}/botId differs from the bot's id`);
    }
  });

  const domains = asArray(root.validDomains).filter((d): d is string => typeof d === 'string');
  asArray(root.staticTabs).forEach((entry, i) => {
    const tab = asRecord(entry);
    for (const key of ['contentUrl', 'websiteUrl'] as const) {
      const url = asString(tab?.[key]);
      if (!url) continue;
      let host: string;
      try {
        host = new URL(url).hostname;
      } catch {
        errors.push(`rule: /staticTabs/${i}/${key} is not a URL: ${url}`);
        continue;
      }
      const covered = domains.some((d) => d === host || (d.startsWith('*.') && host.endsWith(d.slice(1))));
      if (!covered) errors.push(`rule: /staticTabs/${i}/${key} host ${host} is not in validDomains`);
    }
  });

  return errors;
}

/**
 * Validates a manifest against the schema for its manifestVersion (read from the
 * @microsoft/app-manifest package on disk) plus the project rules. Returns every problem;
 * an empty list means valid.
 */
export async function validateManifest(manifest: unknown): Promise<string[]> {
  const root = asRecord(manifest);
  if (!root) return ['schema: the manifest must be a JSON object'];
  const manifestVersion = asString(root.manifestVersion);
  if (!manifestVersion) return ["schema: (root) must have required property 'manifestVersion'"];

  let errors: string[];
  try {
    errors = schemaErrors(manifest, manifestVersion);
  } catch (error) {
    if (error instanceof ManifestError) return error.problems.map((p) => `schema: ${p}`);
    throw error;
  }
  return [...errors.map((message) => `schema: ${message}`), ...checkProjectRules(manifest)];
}
