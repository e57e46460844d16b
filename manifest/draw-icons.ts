/**
 * Draws the two Teams app icons: a white shield carrying a speech mark.
 *
 *   npx tsx manifest/draw-icons.ts      writes manifest/icons/color.png and outline.png
 *
 * The PNGs are committed; this script documents how they were made and lets the design
 * change in one place. Output is deterministic, and a test checks the committed files match.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';

type Rgb = readonly [number, number, number];

/** Also the manifest's accentColor, so the tile and the icon share a background. */
export const ACCENT: Rgb = [0x1b, 0x4f, 0x72];
const WHITE: Rgb = [255, 255, 255];
const BUBBLE: Rgb = [0x17, 0xa5, 0x89];

export const COLOR_SIZE = 192;
export const OUTLINE_SIZE = 32;

/** A shape test on the unit square: (0,0) top left, (1,1) bottom right. */
type Shape = (u: number, v: number) => boolean;

/** Flat top with straight sides that curve in to a point at the bottom. */
const shield: Shape = (u, v) => {
  if (v < 0 || v > 1) return false;
  const shoulder = 0.45;
  const halfWidth = v <= shoulder ? 0.5 : 0.5 * Math.cos(((v - shoulder) / (1 - shoulder)) * (Math.PI / 2));
  return Math.abs(u - 0.5) <= halfWidth;
};

function ellipse(cx: number, cy: number, rx: number, ry: number): Shape {
  return (u, v) => ((u - cx) / rx) ** 2 + ((v - cy) / ry) ** 2 <= 1;
}

function triangle(a: [number, number], b: [number, number], c: [number, number]): Shape {
  const side = (p: [number, number], q: [number, number], u: number, v: number) => (u - q[0]) * (p[1] - q[1]) - (p[0] - q[0]) * (v - q[1]);
  return (u, v) => {
    const d1 = side(a, b, u, v);
    const d2 = side(b, c, u, v);
    const d3 = side(c, a, u, v);
    const hasNeg = d1 < 0 || d2 < 0 || d3 < 0;
    const hasPos = d1 > 0 || d2 > 0 || d3 > 0;
    return !(hasNeg && hasPos);
  };
}

const union =
  (...shapes: Shape[]): Shape =>
  (u, v) =>
    shapes.some((s) => s(u, v));

/** Places a unit-square shape into a box given in pixels. */
function inBox(shape: Shape, x: number, y: number, width: number, height: number): Shape {
  return (px, py) => shape((px - x) / width, (py - y) / height);
}

/** A speech bubble with a tail at the lower left, in unit-square coordinates. */
const speechBubble: Shape = union(ellipse(0.5, 0.4, 0.4, 0.3), triangle([0.22, 0.55], [0.42, 0.66], [0.12, 0.92]));

/** Fraction of a pixel covered by a shape, from a grid of samples. */
function coverage(shape: Shape, x: number, y: number, samples = 4): number {
  let hits = 0;
  for (let i = 0; i < samples; i++) {
    for (let j = 0; j < samples; j++) {
      if (shape(x + (i + 0.5) / samples, y + (j + 0.5) / samples)) hits++;
    }
  }
  return hits / (samples * samples);
}

function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [0, 1, 2].map((k) => Math.round(a[k]! * (1 - t) + b[k]! * t)) as unknown as Rgb;
}

/** 192×192, opaque: accent background, white shield, teal speech bubble with three white dots. */
export function drawColorIcon(): PNG {
  const size = COLOR_SIZE;
  const png = new PNG({ width: size, height: size });
  const shieldShape = inBox(shield, 40, 26, 112, 142);
  const bubbleShape = inBox(speechBubble, 60, 50, 72, 66);
  const dots = union(...[78, 96, 114].map((cx) => ellipse(cx, 76.5, 6, 6)));

  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let colour = ACCENT;
      colour = mix(colour, WHITE, coverage(shieldShape, x, y));
      colour = mix(colour, BUBBLE, coverage(bubbleShape, x, y));
      colour = mix(colour, WHITE, coverage(dots, x, y));
      const i = (y * size + x) * 4;
      png.data[i] = colour[0];
      png.data[i + 1] = colour[1];
      png.data[i + 2] = colour[2];
      png.data[i + 3] = 255;
    }
  }
  return png;
}

/**
 * 32×32, white on a fully transparent background. Pixels are either opaque white or fully
 * transparent (no anti-aliasing), which is what Teams asks of an outline icon.
 */
export function drawOutlineIcon(): PNG {
  const size = OUTLINE_SIZE;
  const png = new PNG({ width: size, height: size });
  const outer = inBox(shield, 4, 1, 24, 30);
  const inner = inBox(shield, 6.5, 3.5, 19, 24.5);
  const ring: Shape = (x, y) => outer(x, y) && !inner(x, y);
  const mark = inBox(speechBubble, 10, 7, 12, 12);
  const shape = union(ring, mark);

  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const on = coverage(shape, x, y) >= 0.5;
      const i = (y * size + x) * 4;
      png.data[i] = on ? 255 : 0;
      png.data[i + 1] = on ? 255 : 0;
      png.data[i + 2] = on ? 255 : 0;
      png.data[i + 3] = on ? 255 : 0;
    }
  }
  return png;
}

export function encodePng(png: PNG): Buffer {
  return PNG.sync.write(png, { colorType: 6 });
}

export function writeIcons(dir: string): string[] {
  fs.mkdirSync(dir, { recursive: true });
  const files = [
    [path.join(dir, 'color.png'), drawColorIcon()],
    [path.join(dir, 'outline.png'), drawOutlineIcon()],
  ] as const;
  for (const [file, png] of files) fs.writeFileSync(file, encodePng(png));
  return files.map(([file]) => file);
}

if (require.main === module) {
  for (const file of writeIcons(path.join(__dirname, 'icons'))) console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
