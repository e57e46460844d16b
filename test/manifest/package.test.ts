import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { PROJECT_ROOT, readTemplate, validateManifest } from '../../manifest/build-manifest';
import { createAppPackage } from '../../manifest/package';

const run = promisify(execFile);
const ENV = { MicrosoftAppId: '1b4f7200-aaaa-4bbb-8ccc-0123456789ab', PUBLIC_BASE_URL: 'https://safeguarding-bot.example.org' };

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'app-package-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function openZip(file: string): Promise<JSZip> {
  return JSZip.loadAsync(fs.readFileSync(file));
}

describe('createAppPackage', () => {
  it('writes a zip whose root holds exactly manifest.json, color.png and outline.png', async () => {
    const outFile = path.join(dir, 'nested', 'appPackage.zip');
    const result = await createAppPackage({ env: ENV, release: true, outFile });
    expect(result).toMatchObject({ ok: true, errors: [], warnings: [] });

    const zip = await openZip(outFile);
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);

    const manifest: unknown = JSON.parse(await zip.file('manifest.json')!.async('string'));
    expect(manifest).toEqual(result.manifest);
    expect(await validateManifest(manifest)).toEqual([]);

    const sizes: Record<string, number> = { 'color.png': 192, 'outline.png': 32 };
    for (const [name, size] of Object.entries(sizes)) {
      const png = PNG.sync.read(await zip.file(name)!.async('nodebuffer'));
      expect([png.width, png.height]).toEqual([size, size]);
    }
  });

  it('is reproducible: the same input gives the same bytes', async () => {
    const a = path.join(dir, 'a.zip');
    const b = path.join(dir, 'b.zip');
    await createAppPackage({ env: ENV, outFile: a });
    await createAppPackage({ env: ENV, outFile: b });
    expect(fs.readFileSync(a).equals(fs.readFileSync(b))).toBe(true);
  });

  it('writes nothing, and removes a stale package, when the manifest is invalid', async () => {
    const outFile = path.join(dir, 'appPackage.zip');
    fs.writeFileSync(outFile, 'stale');
    const template = structuredClone(readTemplate()) as { bots: Array<Record<string, unknown>> };
    delete template.bots[0]!.botId;

    const result = await createAppPackage({ env: ENV, outFile, template });
    expect(result.ok).toBe(false);
    expect(result.errors).toEqual(expect.arrayContaining([expect.stringMatching(/^schema: \/bots\/0 must have required property 'botId'/)]));
    expect(fs.existsSync(outFile)).toBe(false);
  });

  it('reports a missing or wrongly sized icon', async () => {
    const iconsDir = path.join(dir, 'icons');
    fs.mkdirSync(iconsDir);
    fs.writeFileSync(path.join(iconsDir, 'color.png'), PNG.sync.write(new PNG({ width: 100, height: 100 })));
    const result = await createAppPackage({ env: ENV, outFile: path.join(dir, 'x.zip'), iconsDir });
    expect(result.errors).toEqual(['icon: color icon must be 192×192, found 100×100', expect.stringMatching(/^icon: outline icon .*outline\.png is missing/)]);
  });
});

describe('npm run package (the CLI)', () => {
  // A preload that makes any network use throw, so the CLI is shown to work offline.
  let preload: string;
  beforeEach(() => {
    preload = path.join(dir, 'no-network.js');
    fs.writeFileSync(
      preload,
      [
        "const fail = () => { throw new Error('network access during packaging'); };",
        "for (const m of ['http', 'https', 'net', 'tls']) { const mod = require(m); mod.request = fail; mod.get = fail; if (mod.connect) mod.connect = fail; }",
        'globalThis.fetch = fail;',
        "process.stderr.write('offline guard ' + process.pid + '\\n');",
      ].join('\n'),
    );
  });

  const cli = (env: NodeJS.ProcessEnv, args: string[] = []) =>
    // NODE_OPTIONS, not --require, so the guard also loads in the process tsx spawns.
    run(process.execPath, [path.join(PROJECT_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'manifest/package.ts', ...args], {
      cwd: PROJECT_ROOT,
      env: { PATH: process.env.PATH, NODE_OPTIONS: `--require ${JSON.stringify(preload)}`, ...env },
    });

  it('builds the package offline and exits 0', async () => {
    const outFile = path.join(dir, 'appPackage.zip');
    const { stdout, stderr } = await cli(ENV, ['--release', '--out', outFile]);
    expect(stderr.match(/offline guard/g)?.length).toBeGreaterThanOrEqual(2);
    expect(stdout).toMatch(/Wrote .*appPackage\.zip \(manifest 1\.\d+, app version \d+\.\d+\.\d+/);
    expect(Object.keys((await openZip(outFile)).files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
  });

  it('exits non-zero and lists the problems when the configuration is bad', async () => {
    const outFile = path.join(dir, 'appPackage.zip');
    const failure = await cli({ MicrosoftAppId: 'not-a-guid', PUBLIC_BASE_URL: 'http://bot.example.org' }, ['--out', outFile]).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toMatch(/NOT written/);
    expect(failure?.stderr).toMatch(/MicrosoftAppId must be a GUID/);
    expect(failure?.stderr).toMatch(/PUBLIC_BASE_URL must use https/);
    expect(fs.existsSync(outFile)).toBe(false);
  });
});
