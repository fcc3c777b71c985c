/**
 * Enterprise import budget (issue 7): 10,000 rows validated and imported in
 * ≤ 10 s, on PGlite and on PostgreSQL. A server process on a fresh database
 * with the demo data (23 parks, ~1,000 enterprises); the admin uploads a
 * 10,000-row file of enterprises spread over the parks, as CSV and as .xlsx:
 * first a preview (read and check every row), then mode=all (check again
 * and import). The figure is the wall time of each request, upload included.
 * With --check, exits 1 when an import is over budget.
 *
 *   npx tsx bench/import.ts [--db pglite|postgres|both] [--rows 10000]
 */
import ExcelJS from 'exceljs';
import { makeCreditCode } from '../shared/credit-code';
import { toCsv } from '../shared/import/csv';
import { IMPORT_COLUMNS } from '../shared/import/enterprises';
import { XLSX_TYPE } from '../server/domain/import';
import { loginAt, spawnServer } from '../tests/support/process';
import { arg, pgliteTarget, postgresTarget, printTable } from './util';

const BUDGET_MS = 10_000;
const rowCount = Number(arg('rows', '10000'));
const which = arg('db', 'both');

/** `rows` enterprises with valid, unused credit codes (division 330299 is not the demo's), spread over the parks. */
function enterpriseRows(parks: string[], rows: number, offset: number): string[][] {
  return Array.from({ length: rows }, (_, i) => [
    `慈溪市测试${offset + i}号制造有限公司`,
    makeCreditCode('330299', offset + i),
    parks[i % parks.length]!,
    `${(i % 12) + 1}号楼${(i % 5) + 1}层`,
    `联系人${i % 97}`,
    `138${String(10_000_000 + i).slice(-8)}`,
  ]);
}

const headers = IMPORT_COLUMNS.map((c) => c.header);

async function asXlsx(rows: string[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('企业');
  sheet.addRow(headers);
  for (const r of rows) sheet.addRow(r);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function timedUpload(url: string, token: string, bytes: Uint8Array, type: string, mode: string) {
  const t0 = performance.now();
  const res = await fetch(`${url}/api/admin/enterprises/import?mode=${mode}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': type },
    body: bytes as Uint8Array<ArrayBuffer>,
  });
  const body = (await res.json()) as { total?: number; valid?: number; imported?: number; rejected?: unknown[]; error?: unknown };
  const ms = performance.now() - t0;
  if (res.status !== 200) throw new Error(`import ${mode}: ${res.status} ${JSON.stringify(body)}`);
  return { ms, ...body };
}

const table: (string | number)[][] = [];
let over = false;
for (const make of which === 'both' ? [pgliteTarget, postgresTarget] : which === 'postgres' ? [postgresTarget] : [pgliteTarget]) {
  const target = await make('import');
  const server = await spawnServer({ ...target.env, PARKCHECK_DEMO: '1' }, 180_000);
  try {
    const token = await loginAt(server.url, 'admin', 'demo1234');
    const parks = ((await (await fetch(`${server.url}/api/parks`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
      items: { name: string }[];
    }).items.map((p) => p.name);
    const files = [
      { format: 'csv', type: 'text/csv', bytes: new TextEncoder().encode(`\uFEFF${toCsv([headers, ...enterpriseRows(parks, rowCount, 0)])}`) },
      { format: 'xlsx', type: XLSX_TYPE, bytes: await asXlsx(enterpriseRows(parks, rowCount, rowCount)) },
    ];
    for (const f of files) {
      const preview = await timedUpload(server.url, token, f.bytes, f.type, 'preview');
      const imported = await timedUpload(server.url, token, f.bytes, f.type, 'all');
      if (imported.imported !== rowCount) throw new Error(`${f.format}: imported ${imported.imported} of ${rowCount}`);
      if (imported.ms > BUDGET_MS) over = true;
      const size = `${(f.bytes.length / 1024 / 1024).toFixed(2)} MB`;
      table.push([`${target.name}: ${f.format} (${size}) preview`, `${(preview.ms / 1000).toFixed(2)} s`, `${preview.valid} valid`, '']);
      table.push([
        `${target.name}: ${f.format} (${size}) check + import`,
        `${(imported.ms / 1000).toFixed(2)} s`,
        `${imported.imported} imported`,
        `budget ≤ ${BUDGET_MS / 1000} s`,
      ]);
    }
  } finally {
    await server.kill();
    await target.cleanup();
  }
}
console.log(`\nimporting ${rowCount.toLocaleString('en')} enterprises into the demo database`);
printTable(['import', 'time', 'rows', 'budget'], table);
if (process.argv.includes('--check') && over) {
  console.error('✗ over the import budget');
  process.exit(1);
}
