import { readFileSync } from 'node:fs';

/**
 * Where a .cpuprofile's time went, per package or project file (self time) and per function
 * (inclusive): `tsx scripts/load/profile-summary.ts FILE [N]`, and the load benchmark's --cpu-prof.
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function owner(url: string): string {
  if (!url) return '(native, GC, idle)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  return url.startsWith('node:') ? 'node' : url.replace(/^file:\/\/.*?\/(bot|cards|knowledge|scripts)\//, '$1/');
}

const frameName = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} (${owner(n.callFrame.url)}:${n.callFrame.lineNumber + 1})`;

function top(totals: Map<string, number>, all: number, count: number): string[] {
  return [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([k, v]) => `  ${((100 * v) / all).toFixed(1).padStart(5)}%  ${k}`);
}

export function summariseProfile(file: string, count = 15): string[] {
  const p = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const nodes = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let all = 0;
  p.samples.forEach((id, i) => {
    const dt = p.timeDeltas[i] ?? 0;
    all += dt;
    const leaf = nodes.get(id)!;
    self.set(owner(leaf.callFrame.url), (self.get(owner(leaf.callFrame.url)) ?? 0) + dt);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = frameName(nodes.get(at)!);
      if (!seen.has(name)) inclusive.set(name, (inclusive.get(name) ?? 0) + dt);
      seen.add(name);
    }
  });
  return [`self time by package or file:`, ...top(self, all, count), `inclusive time by function:`, ...top(inclusive, all, count * 2)];
}

if (require.main === module) {
  const [file, count] = process.argv.slice(2);
  if (!file) throw new Error('usage: profile-summary.ts FILE [N]');
  console.log(summariseProfile(file, Number(count ?? 15)).join('\n'));
}
