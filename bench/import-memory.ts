/**
 * Import memory (issue 12): the server's RSS while it reads the worst
 * spreadsheet it accepts — an .xlsx of 20,000 rows of long, distinct,
 * highly compressible texts, unpacking to just under the 32 MB limit — and
 * while it refuses one that unpacks further. Budget: RSS under 300 MB.
 * No demo data, the server started on its existing database; RSS is read
 * from /proc every 10 ms during each upload.
 *
 * On PostgreSQL the budget holds for the whole process. On PGlite the
 * embedded database's WASM heap alone keeps an idle process at ~450 MB, so
 * there the budget is what the upload adds to the idle process.
 *
 *   npx tsx bench/import-memory.ts [--db pglite|postgres|both]
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { XLSX_TYPE } from '../server/domain/import';
import { loginAt, spawnServer } from '../tests/support/process';
import { arg, pgliteTarget, postgresTarget, printTable, type Target } from './util';

const BUDGET_MB = 300;

async function workbook(rows: number, cellChars: number): Promise<Uint8Array<ArrayBuffer>> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('企业');
  sheet.addRow(['企业名称', '统一社会信用代码', '所属园区', '楼栋/位置', '联系人', '联系电话']);
  const long = (tag: string, i: number) => `${tag}${i}`.padEnd(cellChars, '园');
  for (let i = 0; i < rows; i++) sheet.addRow([long('企业', i), long('代码', i), long('园区', i), long('楼', i), long('人', i), long('电话', i)]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

/** The highest RSS seen while `work` runs. */
async function peakDuring<T>(pid: number, work: () => Promise<T>): Promise<{ result: T; peak: number }> {
  let peak = rssMb(pid);
  const timer = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 10);
  try {
    const result = await work();
    return { result, peak: Math.max(peak, rssMb(pid)) };
  } finally {
    clearInterval(timer);
  }
}

/** The worst figure the budget judges: the whole process on PostgreSQL, what the upload adds on PGlite. */
async function measure(target: Target): Promise<number> {
  const env = { ...target.env, PARKCHECK_ADMIN_PASSWORD: 'bench-password' };
  // Created by a first start: creating the embedded database (initdb) leaves a large RSS behind it.
  await (await spawnServer(env)).kill();
  const server = await spawnServer(env);
  try {
    const token = await loginAt(server.url, 'admin', 'bench-password');
    const pid = server.proc.pid!;
    const idle = rssMb(pid);
    const rows: (string | number)[][] = [[target.name, 'server idle', '', '', '', idle.toFixed(0)]];
    let worst = 0;
    for (const [name, cellChars] of [
      ['worst accepted', 60],
      ['unpacks too far', 400],
    ] as const) {
      const bytes = await workbook(20_000, cellChars);
      const started = performance.now();
      const { result: status, peak } = await peakDuring(pid, async () => {
        const res = await fetch(`${server.url}/api/admin/enterprises/import?mode=preview`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': XLSX_TYPE },
          body: bytes,
        });
        await res.arrayBuffer();
        return res.status;
      });
      worst = Math.max(worst, target.name === 'postgres' ? peak : peak - idle);
      rows.push([target.name, name, (bytes.length / 1024 / 1024).toFixed(2), status, (performance.now() - started).toFixed(0), peak.toFixed(0)]);
    }
    printTable(['db', 'upload', 'file MB', 'status', 'ms', 'peak RSS MB'], rows);
    return worst;
  } finally {
    await server.kill();
    await target.cleanup();
  }
}

const which = arg('db', 'both');
const judged: string[] = [];
if (which !== 'postgres') judged.push(`PGlite: the upload adds ${(await measure(await pgliteTarget('import-memory'))).toFixed(0)} MB`);
if (which !== 'pglite') judged.push(`PostgreSQL: the process peaks at ${(await measure(await postgresTarget('import-memory'))).toFixed(0)} MB`);
for (const line of judged) {
  const mb = Number(/(\d+) MB$/.exec(line)![1]);
  console.log(`${line} (budget ${BUDGET_MB} MB): ${mb < BUDGET_MB ? 'within' : 'OVER'} budget`);
}
