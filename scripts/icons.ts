/**
 * Renders the app icons from their SVG sources (app/public/icon.svg and
 * icon-maskable.svg) with the system Chromium. Run after editing an SVG:
 *   npx tsx scripts/icons.ts
 * The PNGs and favicon.ico are committed, so builds do not need a browser.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';

const PUBLIC_DIR = path.resolve(import.meta.dirname, '../app/public');

const TARGETS = [
  { source: 'icon.svg', size: 192, out: 'icons/icon-192.png' },
  { source: 'icon.svg', size: 512, out: 'icons/icon-512.png' },
  { source: 'icon-maskable.svg', size: 512, out: 'icons/icon-maskable-512.png' },
  { source: 'icon.svg', size: 180, out: 'icons/apple-touch-icon-180.png' },
] as const;

const FAVICON_SIZES = [16, 32, 48] as const;

async function render(page: Page, source: string, size: number): Promise<Buffer> {
  const svg = fs.readFileSync(path.join(PUBLIC_DIR, source), 'utf8');
  const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<html><body style="margin:0;background:#fff"><img src="${src}" width="${size}" height="${size}" style="display:block"></body></html>`,
  );
  await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
  return page.screenshot({ omitBackground: false, clip: { x: 0, y: 0, width: size, height: size } });
}

/** An .ico holding PNG images, which every current browser reads. */
function ico(images: { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, i) => {
    const entry = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, entry);
    header.writeUInt8(size >= 256 ? 0 : size, entry + 1);
    header.writeUInt16LE(1, entry + 4);
    header.writeUInt16LE(32, entry + 6);
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((image) => image.png)]);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  fs.mkdirSync(path.join(PUBLIC_DIR, 'icons'), { recursive: true });
  for (const { source, size, out } of TARGETS) {
    fs.writeFileSync(path.join(PUBLIC_DIR, out), await render(page, source, size));
    console.log(`${out} ${size}×${size}`);
  }
  const favicons = [];
  for (const size of FAVICON_SIZES) favicons.push({ size, png: await render(page, 'icon.svg', size) });
  fs.writeFileSync(path.join(PUBLIC_DIR, 'favicon.ico'), ico(favicons));
  console.log(`favicon.ico ${FAVICON_SIZES.join(', ')}`);
} finally {
  await browser.close();
}
