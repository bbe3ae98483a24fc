// Renders the PWA icon PNGs in public/icons/ from their SVG sources with headless Chromium.
//
// Run from the repository root after editing icon.svg or icon-maskable.svg:
//   node tests/helpers/render-icons.mjs
//
// Chromium is used (not a Node SVG rasteriser) so the PNGs match what browsers draw from the SVGs.
// Chromium writes fast, loosely compressed RGBA PNGs; they are re-encoded losslessly here (RGB when
// opaque, best per-row filter, maximum deflate) to keep every icon small on the precache budget.
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync, inflateSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const ICONS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'public', 'icons');

// "transparent" keeps the rounded corners of the any-purpose icon see-through; the maskable and
// Apple icons are full-bleed because the platform applies its own mask (iOS fills alpha with black).
const TARGETS = [
  { source: 'icon.svg', output: 'icon-192.png', size: 192, transparent: true },
  { source: 'icon.svg', output: 'icon-512.png', size: 512, transparent: true },
  { source: 'icon-maskable.svg', output: 'icon-maskable-512.png', size: 512, transparent: false },
  { source: 'icon-maskable.svg', output: 'apple-touch-icon.png', size: 180, transparent: false },
  { source: 'favicon.svg', output: 'favicon-32.png', size: 32, transparent: true },
];

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pageFor(svg, size) {
  const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
  return `<!doctype html><html><head><style>html,body{margin:0;padding:0;background:transparent}
img{display:block}</style></head><body><img src="${src}" width="${size}" height="${size}" alt=""></body></html>`;
}

function readChunks(png) {
  if (!png.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('not a PNG');
  const chunks = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    chunks.push({
      type: png.toString('latin1', at + 4, at + 8),
      data: png.subarray(at + 8, at + 8 + length),
    });
    at += 12 + length;
  }
  return chunks;
}

function paeth(a, b, c) {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  if (pa <= pb && pa <= pc) return a;
  return pb <= pc ? b : c;
}

function predictor(filter, left, up, upLeft) {
  if (filter === 1) return left;
  if (filter === 2) return up;
  if (filter === 3) return (left + up) >> 1;
  if (filter === 4) return paeth(left, up, upLeft);
  return 0;
}

/** Decodes an 8-bit, non-interlaced RGB or RGBA PNG into raw RGBA rows. */
function decode(png) {
  const chunks = readChunks(png);
  const header = chunks.find((chunk) => chunk.type === 'IHDR');
  if (!header) throw new Error('PNG without IHDR');
  const width = header.data.readUInt32BE(0);
  const height = header.data.readUInt32BE(4);
  const [depth, colorType, , , interlace] = header.data.subarray(8, 13);
  if (depth !== 8 || interlace !== 0 || (colorType !== 2 && colorType !== 6)) {
    throw new Error(`unsupported PNG layout: depth ${depth}, colour type ${colorType}`);
  }
  const channels = colorType === 6 ? 4 : 3;
  const idat = Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => c.data));
  const filtered = inflateSync(idat);
  const stride = width * channels;
  const raw = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = filtered[y * (stride + 1)] ?? 0;
    for (let x = 0; x < stride; x++) {
      const at = y * stride + x;
      const left = x >= channels ? (raw[at - channels] ?? 0) : 0;
      const up = y > 0 ? (raw[at - stride] ?? 0) : 0;
      const upLeft = x >= channels && y > 0 ? (raw[at - stride - channels] ?? 0) : 0;
      const value = filtered[y * (stride + 1) + 1 + x] ?? 0;
      raw[at] = (value + predictor(filter, left, up, upLeft)) & 0xff;
    }
  }
  const rgba = Buffer.alloc(width * height * 4, 0xff);
  for (let i = 0; i < width * height; i++) raw.copy(rgba, i * 4, i * channels, (i + 1) * channels);
  return { width, height, rgba };
}

/** Filters one row with every PNG filter and keeps the one with the smallest absolute sum. */
function filterRow(row, previous, channels) {
  let best = null;
  let bestScore = Number.POSITIVE_INFINITY;
  for (let filter = 0; filter <= 4; filter++) {
    const out = Buffer.alloc(row.length + 1);
    out[0] = filter;
    let score = 0;
    for (let x = 0; x < row.length; x++) {
      const left = x >= channels ? (row[x - channels] ?? 0) : 0;
      const upLeft = x >= channels ? (previous[x - channels] ?? 0) : 0;
      const byte = ((row[x] ?? 0) - predictor(filter, left, previous[x] ?? 0, upLeft)) & 0xff;
      out[x + 1] = byte;
      score += byte < 128 ? byte : 256 - byte;
    }
    if (score < bestScore) {
      best = out;
      bestScore = score;
    }
  }
  return best ?? Buffer.alloc(0);
}

function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Lossless re-encode: drops the alpha channel when every pixel is opaque. */
function encode({ width, height, rgba }) {
  let opaque = true;
  for (let i = 3; i < rgba.length; i += 4) if (rgba[i] !== 0xff) opaque = false;
  const channels = opaque ? 3 : 4;
  const stride = width * channels;
  const rows = [];
  let previous = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(stride);
    for (let x = 0; x < width; x++)
      rgba.copy(row, x * channels, (y * width + x) * 4, (y * width + x) * 4 + channels);
    rows.push(filterRow(row, previous, channels));
    previous = row;
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, opaque ? 2 : 6, 0, 0, 0], 8);
  const idat = deflateSync(Buffer.concat(rows), { level: 9, memLevel: 9 });
  return Buffer.concat([
    PNG_SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', idat),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function render(browser, target) {
  const svg = await readFile(join(ICONS_DIR, target.source), 'utf8');
  const page = await browser.newPage({ viewport: { width: target.size, height: target.size } });
  try {
    await page.setContent(pageFor(svg, target.size), { waitUntil: 'load' });
    const shot = await page.screenshot({ omitBackground: target.transparent, type: 'png' });
    const png = encode(decode(shot));
    await writeFile(join(ICONS_DIR, target.output), png);
    console.log(`${target.output}: ${target.size}x${target.size}, ${png.length} bytes`);
  } finally {
    await page.close();
  }
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
try {
  for (const target of TARGETS) await render(browser, target);
} finally {
  await browser.close();
}
