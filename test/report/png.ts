/** A minimal PNG reader for tests (8-bit RGB/RGBA, non-interlaced — what Chromium writes), using only node:zlib. */
import { inflateSync } from 'node:zlib';

/** A decoded image: size, channels per pixel and the raw unfiltered pixel bytes. */
export interface DecodedPng {
  width: number;
  height: number;
  channels: 3 | 4;
  pixels: Buffer;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Decodes `png`; returns a string describing why when the file is not a PNG this reader understands. */
export function decodePng(png: Buffer): DecodedPng | string {
  if (png.length < 8 || !png.subarray(0, 8).equals(SIGNATURE)) return 'not a PNG (bad signature)';
  let offset = 8;
  let header: { width: number; height: number; depth: number; colorType: number; interlace: number } | null = null;
  const data: Buffer[] = [];
  while (offset + 8 <= png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      header = {
        width: body.readUInt32BE(0),
        height: body.readUInt32BE(4),
        depth: body.readUInt8(8),
        colorType: body.readUInt8(9),
        interlace: body.readUInt8(12),
      };
    } else if (type === 'IDAT') {
      data.push(body);
    } else if (type === 'IEND') {
      break;
    }
    offset += 12 + length; // length + type + body + CRC
  }
  if (header === null) return 'no IHDR chunk';
  if (header.depth !== 8 || header.interlace !== 0) return `unsupported depth ${header.depth} / interlace ${header.interlace}`;
  if (header.colorType !== 2 && header.colorType !== 6) return `unsupported colour type ${header.colorType}`;
  const channels = header.colorType === 6 ? 4 : 3;
  const raw = inflateSync(Buffer.concat(data));
  const stride = header.width * channels;
  if (raw.length !== header.height * (stride + 1)) return `pixel data is ${raw.length} bytes, expected ${header.height * (stride + 1)}`;
  const pixels = Buffer.alloc(header.height * stride);
  for (let y = 0; y < header.height; y++) {
    const filter = raw[y * (stride + 1)] ?? 0;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = y * stride;
    for (let x = 0; x < stride; x++) {
      const left = x >= channels ? (pixels[out + x - channels] ?? 0) : 0;
      const up = y > 0 ? (pixels[out - stride + x] ?? 0) : 0;
      const upLeft = y > 0 && x >= channels ? (pixels[out - stride + x - channels] ?? 0) : 0;
      const value = line[x] ?? 0;
      pixels[out + x] = (value + predictor(filter, left, up, upLeft)) & 0xff;
    }
  }
  return { width: header.width, height: header.height, channels, pixels };
}

// PNG filter types 0–4 (None, Sub, Up, Average, Paeth), per the PNG spec section 9.
function predictor(filter: number, left: number, up: number, upLeft: number): number {
  switch (filter) {
    case 1:
      return left;
    case 2:
      return up;
    case 3:
      return Math.floor((left + up) / 2);
    case 4: {
      const p = left + up - upLeft;
      const pa = Math.abs(p - left);
      const pb = Math.abs(p - up);
      const pc = Math.abs(p - upLeft);
      return pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
    }
    default:
      return 0;
  }
}

/** Counts distinct RGB colours, and how many pixels are "red-ish" (the charts' bars are #b22222). */
export function colourStats(image: DecodedPng): { distinct: number; redPixels: number; darkPixels: number } {
  const seen = new Set<number>();
  let redPixels = 0;
  let darkPixels = 0;
  for (let i = 0; i < image.pixels.length; i += image.channels) {
    const r = image.pixels[i] ?? 0;
    const g = image.pixels[i + 1] ?? 0;
    const b = image.pixels[i + 2] ?? 0;
    seen.add((r << 16) | (g << 8) | b);
    if (r > 150 && g < 80 && b < 80) redPixels++;
    if (r < 90 && g < 90 && b < 90) darkPixels++;
  }
  return { distinct: seen.size, redPixels, darkPixels };
}
