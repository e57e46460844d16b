/**
 * `npm run package`: builds build/appPackage.zip for upload to Teams.
 *
 *   npm run package                       local package (placeholder id allowed, with warnings)
 *   npm run package -- --release          refuses placeholders and http URLs
 *   npm run package -- --out some/dir/app.zip
 *
 * The zip's root holds exactly manifest.json, color.png and outline.png. The manifest is
 * validated offline first; if it is invalid, no package is written and the errors are listed.
 */
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { buildManifest, DEFAULT_PACKAGE_PATH, ICONS_DIR, ManifestError, validateManifest } from './build-manifest';

/** Fixed entry dates keep the zip byte-for-byte reproducible. */
const ZIP_DATE = new Date('2024-01-01T00:00:00Z');

const ICON_SIZES = { color: 192, outline: 32 } as const;

export interface PackageOptions {
  env?: NodeJS.ProcessEnv;
  release?: boolean;
  outFile?: string;
  iconsDir?: string;
  /** A parsed manifest template, for tests; defaults to manifest/manifest.template.json. */
  template?: unknown;
}

export interface PackageResult {
  ok: boolean;
  outFile: string;
  warnings: string[];
  errors: string[];
  manifest?: Record<string, unknown>;
}

function checkIcon(file: string, expected: number, label: string): string[] {
  if (!fs.existsSync(file)) return [`icon: ${label} icon ${file} is missing (run: npx tsx manifest/draw-icons.ts)`];
  try {
    const png = PNG.sync.read(fs.readFileSync(file));
    if (png.width !== expected || png.height !== expected) {
      return [`icon: ${label} icon must be ${expected}×${expected}, found ${png.width}×${png.height}`];
    }
  } catch (error) {
    return [`icon: ${label} icon ${file} is not a readable PNG: ${(error as Error).message}`];
  }
  return [];
}

/** Builds, validates and zips the app package. Never throws for a bad configuration: it reports it. */
export async function createAppPackage(options: PackageOptions = {}): Promise<PackageResult> {
  const outFile = path.resolve(options.outFile ?? DEFAULT_PACKAGE_PATH);
  const iconsDir = options.iconsDir ?? ICONS_DIR;
  const fail = (errors: string[], warnings: string[]): PackageResult => {
    // A stale package from an earlier run must not look like the output of this one.
    fs.rmSync(outFile, { force: true });
    return { ok: false, outFile, errors, warnings };
  };

  let built;
  try {
    built = buildManifest(options.env ?? process.env, { release: options.release, template: options.template });
  } catch (error) {
    if (error instanceof ManifestError) return fail(error.problems, error.warnings);
    throw error;
  }
  const { manifest, warnings } = built;

  const errors = await validateManifest(manifest);

  const icons = (manifest.icons ?? {}) as Record<string, unknown>;
  const iconFiles: Array<[string, string]> = [];
  for (const key of ['color', 'outline'] as const) {
    const name = icons[key];
    if (typeof name !== 'string') continue; // the schema has already reported it
    if (path.basename(name) !== name) {
      errors.push(`icon: icons.${key} must be a file name at the package root, not "${name}"`);
      continue;
    }
    const file = path.join(iconsDir, name);
    errors.push(...checkIcon(file, ICON_SIZES[key], key));
    iconFiles.push([name, file]);
  }
  if (errors.length > 0) return fail(errors, warnings);

  const zip = new JSZip();
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`, { date: ZIP_DATE });
  for (const [name, file] of iconFiles) zip.file(name, fs.readFileSync(file), { date: ZIP_DATE });
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', platform: 'UNIX' });

  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, bytes);
  return { ok: true, outFile, warnings, errors: [], manifest };
}

function parseArgs(argv: string[]): { release: boolean; outFile?: string } {
  let release = false;
  let outFile: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--release') release = true;
    else if (arg === '--out') outFile = argv[++i];
    else if (arg?.startsWith('--out=')) outFile = arg.slice('--out='.length);
    else throw new Error(`Unknown argument: ${arg}. Usage: npm run package [-- --release] [-- --out FILE]`);
  }
  return { release, outFile };
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const result = await createAppPackage({ release: args.release, outFile: args.outFile });
  for (const warning of result.warnings) console.warn(`warning: ${warning}`);
  if (!result.ok) {
    console.error(`Teams app package NOT written: the manifest has ${result.errors.length} problem(s):`);
    for (const error of result.errors) console.error(`  - ${error}`);
    return 1;
  }
  const manifest = result.manifest ?? {};
  const bot = (manifest.bots as Array<{ botId?: string }> | undefined)?.[0];
  console.log(
    `Wrote ${path.relative(process.cwd(), result.outFile)} (manifest ${String(manifest.manifestVersion)}, app version ${String(manifest.version)}, bot ${bot?.botId ?? '?'})`,
  );
  return 0;
}

if (require.main === module) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
