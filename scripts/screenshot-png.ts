import { writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';

/** Channel levels kept: fewer levels, smaller files; 8 keeps text edges readable. */
const LEVELS = 8;

/**
 * Save a screenshot small enough for the README, cut at maxHeight: colours rounded to LEVELS per channel (cards are
 * flat colours and anti-aliased text, so nothing visible is lost), no alpha, maximum compression.
 * Returns the size in KB.
 */
export function savePng(shot: Buffer, file: string, maxHeight: number): number {
  const png = PNG.sync.read(shot);
  const step = 256 / LEVELS;
  const height = Math.min(png.height, maxHeight);
  const out = new PNG({ width: png.width, height, colorType: 2, inputHasAlpha: true });
  for (let i = 0; i < out.data.length; i += 4) {
    for (let c = 0; c < 3; c++) out.data[i + c] = Math.min(255, Math.round(Math.round(png.data[i + c]! / step) * step));
    out.data[i + 3] = 255;
  }
  const bytes = PNG.sync.write(out, { colorType: 2, inputHasAlpha: true, deflateLevel: 9, filterType: -1 });
  writeFileSync(file, bytes);
  return Math.round(bytes.length / 1024);
}
