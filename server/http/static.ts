/**
 * Serves the built PWA. Files are read once at start (the build is a few
 * hundred KB). Caching: hashed files under /assets/ never change, so they are
 * immutable for a year; index.html, the service worker and the manifest must
 * be revalidated every time, or phones would never see a new version.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Hono } from 'hono';

export interface StaticOptions {
  dir: string;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

interface StaticFile {
  body: Uint8Array<ArrayBuffer>;
  type: string;
  cache: string;
}

function cacheControl(rel: string): string {
  if (rel.startsWith('assets/')) return IMMUTABLE;
  if (/^(index\.html|sw\.js|registerSW\.js|manifest\.webmanifest|workbox-[^/]+\.js)$/.test(rel)) return REVALIDATE;
  return 'public, max-age=3600';
}

function loadDir(dir: string): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  if (!fs.existsSync(dir)) return files;
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const abs = path.join(entry.parentPath, entry.name);
    const rel = path.relative(dir, abs).split(path.sep).join('/');
    files.set(rel, {
      body: new Uint8Array(fs.readFileSync(abs)),
      type: TYPES[path.extname(rel)] ?? 'application/octet-stream',
      cache: cacheControl(rel),
    });
  }
  return files;
}

export function staticApp(opts: StaticOptions) {
  const files = loadDir(opts.dir);
  const index = files.get('index.html');
  const app = new Hono();
  app.on(['GET', 'HEAD'], '*', (c) => {
    const rel = decodedPath(c.req.path);
    // A path that is no valid percent-encoding names no file.
    if (rel === undefined) return c.notFound();
    let file = files.get(rel === '' ? 'index.html' : rel);
    // Client-side routes (/findings/…) get the app; a missing file with an extension is a real 404.
    if (!file && index && !path.extname(rel)) file = index;
    if (!file) return c.notFound();
    c.header('Content-Type', file.type);
    c.header('Cache-Control', file === index ? REVALIDATE : file.cache);
    return c.req.method === 'HEAD' ? c.body(null) : c.body(file.body);
  });
  return app;
}

function decodedPath(p: string): string | undefined {
  try {
    return decodeURIComponent(p).replace(/^\/+/, '');
  } catch {
    return undefined;
  }
}
