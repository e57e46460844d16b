import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { ICONS_DIR } from '../../manifest/build-manifest';
import { ACCENT, drawColorIcon, drawOutlineIcon } from '../../manifest/draw-icons';

const read = (name: string) => PNG.sync.read(fs.readFileSync(path.join(ICONS_DIR, name)));

function pixels(png: PNG): Array<[number, number, number, number]> {
  const out: Array<[number, number, number, number]> = [];
  for (let i = 0; i < png.data.length; i += 4) out.push([png.data[i]!, png.data[i + 1]!, png.data[i + 2]!, png.data[i + 3]!]);
  return out;
}

describe('app icons', () => {
  it('color.png is 192×192, fully opaque and full colour', () => {
    const png = read('color.png');
    expect([png.width, png.height]).toEqual([192, 192]);
    const all = pixels(png);
    expect(all.every(([, , , a]) => a === 255)).toBe(true);
    // The accent background fills the corners; the white shield sits in the middle.
    expect(all[0]!.slice(0, 3)).toEqual([...ACCENT]);
    expect(all[96 * 192 + 96]!.slice(0, 3)).not.toEqual([...ACCENT]);
    expect(new Set(all.map((p) => p.join(','))).size).toBeGreaterThan(3);
  });

  it('outline.png is 32×32, white on a fully transparent background', () => {
    const png = read('outline.png');
    expect([png.width, png.height]).toEqual([32, 32]);
    const all = pixels(png);
    const white = all.filter(([r, g, b, a]) => r === 255 && g === 255 && b === 255 && a === 255);
    const transparent = all.filter(([, , , a]) => a === 0);
    expect(white.length + transparent.length).toBe(all.length);
    expect(white.length).toBeGreaterThan(100);
    expect(transparent.length).toBeGreaterThan(300);
    // Corners are background.
    for (const i of [0, 31, 31 * 32, 32 * 32 - 1]) expect(all[i]![3]).toBe(0);
  });

  it('the committed PNGs are what manifest/draw-icons.ts draws', () => {
    expect(read('color.png').data.equals(drawColorIcon().data)).toBe(true);
    expect(read('outline.png').data.equals(drawOutlineIcon().data)).toBe(true);
  });
});
