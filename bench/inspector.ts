/**
 * The inspector's phone budgets (issue 4), in Debian's Chromium on a phone
 * viewport at 4× CPU throttling, against the built PWA (PARKCHECK_APP_DIR,
 * default dist/app) served by a real server on a fresh demo database. The
 * inspector has logged in once, synced and started an inspection; then the
 * network is gone.
 *
 *   - Offline cold start to an interactive checklist ≤ 1.0 s: the browser is
 *     started again on the same profile (service worker and renderer cold, as
 *     an installed app opened from the home screen) and opens the draft's URL;
 *     from navigation start to the first frame showing the first item's
 *     answer buttons. The same in a new tab of the running browser is
 *     printed beside it.
 *   - Tap 不合格 → finding form on screen ≤ 100 ms: from the click event to
 *     the first frame with the open dialog.
 *   - Saving a finding with 2 photos ≤ 300 ms: the photos are compressed and
 *     stored beforehand, as the inspector takes them; from the tap on 保存隐患
 *     to the draft holding the finding committed to IndexedDB and the form gone.
 *   - A 4000 × 3000 camera JPEG compressed ≤ 1.5 s: picked through the form's
 *     file chooser; from the input's change event to the compressed bytes
 *     being written to IndexedDB (the app's compressPhoto, then its hash). The
 *     thumbnail on screen is printed beside it.
 *
 * Times are taken in the page (performance.now() and event timestamps), not
 * across the DevTools protocol. Medians; with --check, exits 1 when one is
 * over its budget.
 *
 *   npx tsx bench/inspector.ts [--runs 5] [--taps 10] [--check]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../server/demo/accounts';
import { InspectorPages, wholeChecklistShown } from '../tests/e2e/pages/inspector';
import { LoginPage } from '../tests/e2e/pages/login';
import { readyOffline } from '../tests/e2e/pages/phone-db';
import { CHROMIUM, CHROMIUM_ARGS, PHONE, demoAppServer, load } from './browser';
import { arg, median, printTable } from './util';

const runs = Number(arg('runs', '5'));
const taps = Number(arg('taps', '10'));
const CPU_SLOWDOWN = 4;
const PARK = '万洋（掌起）众创城';
const TEMPLATE = '消防安全检查表';
const PHOTOS = ['tests/fixtures/photos/distribution-box.jpg', 'tests/fixtures/photos/exit-rotated.jpg'];
const CAMERA = { width: 4000, height: 3000 };
const BUDGET_MS = { coldStart: 1000, failToForm: 100, saveFinding: 300, compress: 1500 };

/** What the page records about itself (installed before any of the app's code runs). */
interface Probe {
  /** The click event's timestamp, by the clicked button's text. */
  clicks: Record<string, number>;
  /** When a file input last changed: photos picked. */
  picked: number;
  /** IndexedDB writes: the store, when put() was called, when its transaction committed, and a draft's finding descriptions. */
  puts: { store: string; at: number; committed?: number; descriptions?: string[] }[];
  /** Starts watching for `check`: `pending` resolves with performance.now() at the first animation frame where it holds. */
  arm(check: Check): void;
  pending?: Promise<number>;
  /** On a checklist page, from the start: the first frame showing the first item's answer buttons, enabled. */
  ready?: Promise<number>;
}
type Check = 'checklist' | 'dialogOpen' | 'dialogGone' | 'thumbnail';

declare global {
  interface Window {
    __bench: Probe;
  }
}

function installProbe() {
  // Defined here, not sent from Node: the app's CSP forbids turning strings into code.
  const checks: Record<Check, () => boolean> = {
    checklist: () => {
      const button = document.querySelector<HTMLButtonElement>('[role="group"][aria-label$="的检查结果"] button');
      return !!button && !button.disabled && button.checkVisibility() && button.getBoundingClientRect().height > 0;
    },
    dialogOpen: () => {
      const dialog = document.querySelector('dialog[open]');
      return !!dialog && dialog.matches(':modal') && dialog.checkVisibility();
    },
    dialogGone: () => !document.querySelector('dialog'),
    thumbnail: () => [...document.querySelectorAll<HTMLImageElement>('dialog img')].some((i) => i.complete && i.naturalWidth > 0 && i.checkVisibility()),
  };
  const when = (check: () => boolean, name: Check) =>
    new Promise<number>((resolve, reject) => {
      const give = setTimeout(() => reject(new Error(`${name}: not seen within 60 s`)), 60_000);
      const frame = () => {
        if (!check()) return requestAnimationFrame(frame);
        clearTimeout(give);
        resolve(performance.now());
      };
      requestAnimationFrame(frame);
    });
  const probe: Probe = {
    clicks: {},
    picked: NaN,
    puts: [],
    arm: (check) => {
      probe.pending = when(checks[check], check);
    },
  };
  window.__bench = probe;
  document.addEventListener(
    'click',
    (e) => {
      const button = (e.target as Element | null)?.closest('button');
      if (button) probe.clicks[button.textContent!.trim()] = e.timeStamp;
    },
    true,
  );
  document.addEventListener('change', (e) => (e.target as HTMLInputElement).type === 'file' && (probe.picked = performance.now()), true);
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
    const request = put.apply(this, args);
    const value = args[0] as { state?: { findings?: { description: string }[] } } | undefined;
    const entry: Probe['puts'][number] = { store: this.name, at: performance.now(), descriptions: value?.state?.findings?.map((f) => f.description) };
    probe.puts.push(entry);
    this.transaction.addEventListener('complete', () => (entry.committed = performance.now()));
    return request;
  };
  if (location.pathname.startsWith('/inspect/')) probe.ready = when(checks.checklist, 'checklist');
}

const server = await demoAppServer();
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'parkcheck-bench-phone-'));
const errors: string[] = [];

/** The phone's browser, started on the inspector's profile. */
async function startBrowser(): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: true,
    ...PHONE,
    baseURL: server.url,
    serviceWorkers: 'allow',
  });
  // tsx names functions with a helper the page does not have.
  await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  await context.addInitScript(installProbe);
  context.on('page', watch);
  context.pages().forEach(watch);
  return context;
}

/** Chromium's own line for a request cut off by going offline: not the app's error. */
const OFFLINE_REQUEST = /net::ERR_INTERNET_DISCONNECTED/;
function watch(page: Page) {
  page.on('console', (m) => m.type() === 'error' && !OFFLINE_REQUEST.test(m.text()) && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
}

async function throttled(context: BrowserContext, page?: Page): Promise<Page> {
  const p = page ?? (await context.newPage());
  await (await context.newCDPSession(p)).send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  return p;
}

/** Opens the draft with no network; answers ms from navigation start to an interactive checklist. */
async function openOffline(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' });
  const ms = await page.evaluate(() => window.__bench.ready!);
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) throw new Error('the checklist was not served by the service worker');
  return ms;
}

/** Arms `check` in the page, does `act`, and answers when the click on `button` happened and when check first held. */
async function timed(page: Page, check: Check, button: string, act: () => Promise<void>): Promise<{ clicked: number; done: number }> {
  await page.evaluate((check) => window.__bench.arm(check), check);
  await act();
  const done = await page.evaluate(() => window.__bench.pending!);
  const clicked = await page.evaluate((b) => window.__bench.clicks[b]!, button);
  return { clicked, done };
}

/** A camera-sized JPEG drawn by Chromium: gradients, shapes and noise, so it decodes and compresses like a photo. */
async function cameraJpeg(context: BrowserContext): Promise<Buffer> {
  const page = await context.newPage();
  await page.evaluate('globalThis.__name = (f) => f');
  const dataUrl = await page.evaluate(async ({ width, height }) => {
    const canvas = new OffscreenCanvas(width, height);
    const g = canvas.getContext('2d')!;
    const sky = g.createLinearGradient(0, 0, width, height);
    sky.addColorStop(0, 'hsl(200 35% 70%)');
    sky.addColorStop(1, 'hsl(240 25% 30%)');
    g.fillStyle = sky;
    g.fillRect(0, 0, width, height);
    let seed = 11;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let i = 0; i < 900; i++) {
      g.fillStyle = `hsla(${200 + rand() * 60} 40% ${20 + rand() * 60}% / 0.5)`;
      g.fillRect(rand() * width, rand() * height, 10 + rand() * width * 0.08, 10 + rand() * height * 0.08);
    }
    const image = g.getImageData(0, 0, width, height);
    for (let i = 0; i < image.data.length; i += 4) {
      const n = (rand() - 0.5) * 16;
      for (let c = i; c < i + 3; c++) image.data[c] = image.data[c]! + n;
    }
    g.putImageData(image, 0, 0);
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
    return new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as string);
      reader.readAsDataURL(blob);
    });
  }, CAMERA);
  await page.close();
  return Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
}

const figures = { coldStart: [] as number[], newTab: [] as number[], failToForm: [] as number[], saveFinding: [] as number[], compress: [] as number[], thumbnail: [] as number[] };
const loadBefore = load();
let draftUrl: string;
let cameraBytes = 0;

try {
  // Online once: log in, first sync (service worker ready), start an inspection.
  let context = await startBrowser();
  const page = context.pages()[0] ?? (await context.newPage());
  const login = new LoginPage(page);
  await login.open();
  await login.logIn('inspector', DEMO_PASSWORD);
  await page.waitForURL((u) => u.pathname === '/');
  await readyOffline(page);
  await new InspectorPages(page).startInspection(PARK, TEMPLATE);
  draftUrl = new URL(page.url()).pathname;
  await context.setOffline(true);
  await context.close();

  for (let i = 0; i < runs; i++) {
    context = await startBrowser();
    await context.setOffline(true);
    figures.coldStart.push(await openOffline(await throttled(context, context.pages()[0]), draftUrl));
    figures.newTab.push(await openOffline(await throttled(context), draftUrl));
    await context.close();
  }

  context = await startBrowser();
  await context.setOffline(true);
  const camera = await cameraJpeg(context);
  cameraBytes = camera.length;
  const phone = await throttled(context, context.pages()[0]);
  await openOffline(phone, draftUrl);
  const inspector = new InspectorPages(phone);
  const form = inspector.findingForm();
  const settle = () => phone.waitForTimeout(300);
  // The sections below the first render once the browser is idle: the taps start on the whole checklist.
  await phone.waitForFunction(wholeChecklistShown);
  const codes = await phone
    .getByRole('group', { name: /的检查结果$/ })
    .evaluateAll((groups) => groups.map((g) => g.getAttribute('aria-label')!.replace(/ 的检查结果$/, '')));

  for (let i = 0; i < taps; i++) {
    const fail = inspector.answers(codes[i % codes.length]!).getByRole('button', { name: '不合格', exact: true });
    const t = await timed(phone, 'dialogOpen', '不合格', () => fail.click());
    figures.failToForm.push(t.done - t.clicked);
    await form.getByRole('button', { name: '取消' }).click();
    await form.waitFor({ state: 'detached' });
    await settle();
  }

  for (let i = 0; i < runs; i++) {
    const description = `bench: finding ${i + 1}`;
    await inspector.answer(codes[i % codes.length]!, '不合格');
    await form.getByLabel('隐患描述').fill(description);
    for (const [n, file] of PHOTOS.entries()) {
      const chooser = phone.waitForEvent('filechooser');
      await form.getByRole('button', { name: '拍照' }).click();
      await (await chooser).setFiles(file);
      await form.getByRole('button', { name: `查看照片：照片 ${n + 1}` }).waitFor({ timeout: 30_000 });
    }
    await form.locator('img').evaluateAll((imgs) => Promise.all(imgs.map((img) => (img as HTMLImageElement).decode())));
    await settle();
    const t = await timed(phone, 'dialogGone', '保存隐患', () => form.getByRole('button', { name: '保存隐患' }).click());
    const committed = await phone.waitForFunction(
      (d) => window.__bench.puts.find((p) => p.store === 'drafts' && p.descriptions?.includes(d) && p.committed)?.committed,
      description,
      { polling: 50 },
    );
    figures.saveFinding.push(Math.max(t.done, (await committed.jsonValue())!) - t.clicked);
    await settle();
  }

  for (let i = 0; i < runs; i++) {
    await phone.getByRole('button', { name: '添加其他隐患' }).click();
    await form.waitFor();
    await settle();
    const written = await phone.evaluate(() => window.__bench.puts.length);
    await phone.evaluate(() => window.__bench.arm('thumbnail'));
    const chooser = phone.waitForEvent('filechooser');
    await form.getByRole('button', { name: '拍照' }).click();
    await (await chooser).setFiles({ name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: camera });
    const shown = await phone.evaluate(() => window.__bench.pending!);
    const { picked, stored } = await phone.evaluate((from) => {
      const b = window.__bench;
      return { picked: b.picked, stored: b.puts.slice(from).find((p) => p.store === 'attachmentBytes')!.at };
    }, written);
    figures.compress.push(stored - picked);
    figures.thumbnail.push(shown - picked);
    await form.getByRole('button', { name: '取消' }).click();
    await form.waitFor({ state: 'detached' });
    await settle();
  }
  await context.close();
} finally {
  await server.stop();
  fs.rmSync(profile, { recursive: true, force: true });
}

const ms = (x: number) => `${Math.round(x)} ms`;
const rows: (string | number)[][] = [];
let over = false;
function row(figure: string, xs: number[], budget?: number) {
  const m = median(xs);
  const pass = budget === undefined ? '' : m <= budget ? 'pass' : 'FAIL';
  if (pass === 'FAIL') over = true;
  rows.push([figure, ms(m), ms(Math.min(...xs)), ms(Math.max(...xs)), xs.length, budget === undefined ? '' : `≤ ${ms(budget)}`, pass]);
}
row('offline cold start → checklist interactive', figures.coldStart, BUDGET_MS.coldStart);
row('  the same, new tab of the running browser', figures.newTab);
row('tap 不合格 → finding form on screen', figures.failToForm, BUDGET_MS.failToForm);
row('tap 保存隐患 (2 photos) → in IndexedDB, form closed', figures.saveFinding, BUDGET_MS.saveFinding);
row(`${CAMERA.width} × ${CAMERA.height} JPEG picked → compressed, stored`, figures.compress, BUDGET_MS.compress);
row('  the same → thumbnail on screen', figures.thumbnail);

console.log(`\ninspector's phone: ${PHONE.viewport.width} × ${PHONE.viewport.height}, CPU ${CPU_SLOWDOWN}× slower, offline; camera JPEG ${(cameraBytes / 1024 / 1024).toFixed(1)} MB`);
console.log(`machine: ${loadBefore} before, ${load()} after`);
printTable(['figure', 'median', 'best', 'worst', 'n', 'budget', ''], rows);
if (errors.length) console.log(`\nconsole errors in the app:\n${errors.map((e) => `  ${e}`).join('\n')}`);
if (process.argv.includes('--check') && over) {
  console.error('✗ over an inspector budget');
  process.exit(1);
}
