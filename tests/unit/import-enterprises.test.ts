/** Which rows of an enterprise spreadsheet may be imported, and why the others may not. */
import { describe, expect, it } from 'vitest';
import { makeCreditCode } from '../../shared/credit-code';
import { creditCodesIn, mapColumns, rowsFromCells, validateRows, type RawRow } from '../../shared/import/enterprises';

const PARKS = [
  { id: '11111111-1111-4111-8111-111111111111', name: '万洋（掌起）众创城', disabled: false },
  { id: '22222222-2222-4222-8222-222222222222', name: '华东轻纺针织城', disabled: false },
  { id: '33333333-3333-4333-8333-333333333333', name: '双名园区', disabled: false },
  { id: '44444444-4444-4444-8444-444444444444', name: '双名园区', disabled: false },
  { id: '55555555-5555-4555-8555-555555555555', name: '已停用园区', disabled: true },
];
const code = (n: number) => makeCreditCode('330282', 70_000_000 + n);
const row = (n: number, values: RawRow['values']): RawRow => ({ row: n, values });
const check = (rows: RawRow[], taken: [string, string][] = []) => validateRows(rows, { parks: PARKS, takenCreditCodes: new Map(taken) });
const errorsOf = (rows: RawRow[], taken: [string, string][] = []) =>
  Object.fromEntries(check(rows, taken).rejected.map((r) => [r.row, r.errors.map((e) => `${e.field}:${e.code}`)]));

describe('mapColumns', () => {
  it('finds the template’s Chinese headers in any order and ignores other columns', () => {
    const { columns, problems } = mapColumns(['序号', '所属园区', '企业名称', '统一社会信用代码', '联系人', '联系电话', '楼栋/位置', '备注']);
    expect(problems).toEqual([]);
    expect(columns).toEqual({ park: 1, name: 2, creditCode: 3, contactName: 4, contactPhone: 5, building: 6 });
  });

  it('accepts headings with spaces, full-width letters, a required mark, or in English', () => {
    expect(mapColumns([' 企业名称* ', '所属园区（必填）', 'ｃｒｅｄｉｔＣｏｄｅ']).columns).toEqual({ name: 0, park: 1, creditCode: 2 });
    expect(mapColumns(['name', 'park']).problems).toEqual([]);
  });

  it('fails a file without a required column, or with one column twice', () => {
    expect(mapColumns(['企业名称', '联系人']).problems).toEqual(['the required column 所属园区 is missing']);
    expect(mapColumns(['企业名称', '所属园区', '园区']).problems).toEqual(['the column 所属园区 appears twice']);
  });
});

describe('rowsFromCells', () => {
  it('numbers rows as the spreadsheet does, trims cells and skips empty rows', () => {
    const { columns } = mapColumns(['企业名称', '所属园区']);
    const rows = rowsFromCells([['  甲公司 ', '华东轻纺针织城'], ['', '  '], [], ['乙公司', '']], columns, 2);
    expect(rows).toEqual([row(2, { name: '甲公司', park: '华东轻纺针织城' }), row(5, { name: '乙公司' })]);
  });
});

describe('validateRows', () => {
  it('accepts a complete row, finding the park by name (full- or half-width brackets) or by id', () => {
    const { valid, rejected } = check([
      row(2, { name: '慈溪市鑫达五金有限公司', creditCode: code(1), park: '万洋(掌起)众创城', building: '3号楼', contactName: '张伟', contactPhone: '13805740001' }),
      row(3, { name: '宁波恒泰电器有限公司', park: PARKS[1]!.id.toUpperCase() }),
    ]);
    expect(rejected).toEqual([]);
    expect(valid).toEqual([
      {
        row: 2,
        name: '慈溪市鑫达五金有限公司',
        creditCode: code(1),
        parkId: PARKS[0]!.id,
        parkName: '万洋（掌起）众创城',
        building: '3号楼',
        contactName: '张伟',
        contactPhone: '13805740001',
      },
      {
        row: 3,
        name: '宁波恒泰电器有限公司',
        creditCode: null,
        parkId: PARKS[1]!.id,
        parkName: '华东轻纺针织城',
        building: null,
        contactName: null,
        contactPhone: null,
      },
    ]);
  });

  it('normalises credit codes typed in lower case, full width or with spaces', () => {
    const typed = code(2).toLowerCase().replace(/./g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).replace(/^(.{6})/, '$1 ');
    const { valid } = check([row(2, { name: '甲', park: '华东轻纺针织城', creditCode: typed })]);
    expect(valid[0]!.creditCode).toBe(code(2));
  });

  it('names each missing required field', () => {
    expect(errorsOf([row(2, { creditCode: code(3) }), row(3, { name: '甲' })])).toEqual({
      2: ['name:required', 'park:required'],
      3: ['park:required'],
    });
  });

  it('refuses a wrong check digit, and text beyond the API’s lengths', () => {
    const good = code(4);
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    expect(
      errorsOf([
        row(2, { name: '甲', park: '华东轻纺针织城', creditCode: bad }),
        row(3, { name: 'x'.repeat(201), park: '华东轻纺针织城', contactPhone: '1'.repeat(41) }),
      ]),
    ).toEqual({ 2: ['creditCode:invalid_credit_code'], 3: ['name:too_long', 'contactPhone:too_long'] });
  });

  it('refuses every row giving a credit code twice in the file, naming the other rows', () => {
    const dup = code(5);
    const { rejected, valid } = check([
      row(2, { name: '甲', park: '华东轻纺针织城', creditCode: dup }),
      row(3, { name: '乙', park: '华东轻纺针织城', creditCode: code(6) }),
      row(4, { name: '丙', park: '华东轻纺针织城', creditCode: dup.toLowerCase() }),
    ]);
    expect(valid.map((r) => r.row)).toEqual([3]);
    expect(rejected).toEqual([
      { row: 2, errors: [{ field: 'creditCode', code: 'duplicate_in_file', message: 'the same credit code is on row(s) 4', rows: [4] }] },
      { row: 4, errors: [{ field: 'creditCode', code: 'duplicate_in_file', message: 'the same credit code is on row(s) 2', rows: [2] }] },
    ]);
  });

  it('refuses a credit code an enterprise already holds, naming that enterprise', () => {
    const { rejected } = check([row(2, { name: '甲', park: '华东轻纺针织城', creditCode: code(7) })], [[code(7), '慈溪市华盛针织有限公司']]);
    expect(rejected[0]!.errors[0]).toEqual({
      field: 'creditCode',
      code: 'duplicate_in_database',
      message: 'already registered to 慈溪市华盛针织有限公司',
      holder: '慈溪市华盛针织有限公司',
    });
  });

  it('refuses an unknown park, a disabled one, and a name two parks share', () => {
    expect(
      errorsOf([
        row(2, { name: '甲', park: '不存在的园区' }),
        row(3, { name: '乙', park: '已停用园区' }),
        row(4, { name: '丙', park: '双名园区' }),
        row(5, { name: '丁', park: '99999999-9999-4999-8999-999999999999' }),
      ]),
    ).toEqual({ 2: ['park:unknown_park'], 3: ['park:disabled_park'], 4: ['park:ambiguous_park'], 5: ['park:unknown_park'] });
    expect(check([row(2, { name: '戊', park: PARKS[3]!.id })]).valid).toHaveLength(1);
  });

  it('lists the distinct normalised credit codes to look up', () => {
    expect(creditCodesIn([row(2, { creditCode: code(8).toLowerCase() }), row(3, { creditCode: code(8) }), row(4, {})])).toEqual([code(8)]);
  });
});
