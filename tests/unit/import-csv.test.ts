/** Reading the CSV files people actually save from Excel and WPS, in the encodings they use. */
import { describe, expect, it } from 'vitest';
import { CsvError, decodeText, parseCsv, toCsv } from '../../shared/import/csv';

/** GBK bytes for a text, found by decoding every double-byte code (what Excel on Chinese Windows writes). */
function gbk(text: string): Uint8Array {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('gbk');
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) table.set(decoder.decode(new Uint8Array([hi, lo])), [hi, lo]);
  }
  return new Uint8Array([...text].flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : table.get(ch)!)));
}

describe('parseCsv', () => {
  it('splits rows and fields, CRLF or LF, with or without a final line break', () => {
    expect(parseCsv('a,b,c\r\n1,2,3\r\n')).toEqual([['a', 'b', 'c'], ['1', '2', '3']]);
    expect(parseCsv('a,b\n1,2')).toEqual([['a', 'b'], ['1', '2']]);
    expect(parseCsv('a,b\r1,2\r')).toEqual([['a', 'b'], ['1', '2']]);
    expect(parseCsv('')).toEqual([]);
  });

  it('keeps commas, quotes and line breaks inside quoted fields', () => {
    const text = '名称,地址\r\n"宁波恒泰电器有限公司","慈溪市掌起镇,工业园区 ""A"" 区\r\n3号楼"\r\n';
    expect(parseCsv(text)).toEqual([
      ['名称', '地址'],
      ['宁波恒泰电器有限公司', '慈溪市掌起镇,工业园区 "A" 区\r\n3号楼'],
    ]);
  });

  it('keeps empty fields, including a trailing one', () => {
    expect(parseCsv('a,,c,\n,,,\n')).toEqual([['a', '', 'c', ''], ['', '', '', '']]);
  });

  it('reads tab- or semicolon-separated files when the header has no comma', () => {
    expect(parseCsv('企业名称\t所属园区\n甲\t乙\n')).toEqual([['企业名称', '所属园区'], ['甲', '乙']]);
    expect(parseCsv('a;b\n1;2\n')).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('names the line where a quoted field is never closed', () => {
    expect(() => parseCsv('a,b\n1,"open\n2,3\n')).toThrow(CsvError);
    try {
      parseCsv('a,b\n1,"open\n2,3\n');
    } catch (err) {
      expect((err as CsvError).line).toBe(2);
    }
  });

  it('reads back what toCsv writes', () => {
    const rows = [['企业名称', '楼栋/位置'], ['"引号"公司', '1号楼,2层'], ['换行\n公司', '']];
    expect(parseCsv(toCsv(rows))).toEqual(rows);
  });
});

describe('decodeText', () => {
  it('reads UTF-8 with or without a BOM', () => {
    const bytes = new TextEncoder().encode('企业名称,所属园区');
    expect(decodeText(bytes)).toEqual({ text: '企业名称,所属园区', encoding: 'utf-8' });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]))).toEqual({ text: '企业名称,所属园区', encoding: 'utf-8' });
  });

  it('reads GBK, as Excel on Chinese Windows saves CSV', () => {
    expect(decodeText(gbk('企业名称,所属园区\r\n慈溪市鑫达五金有限公司,万洋（掌起）众创城'))).toEqual({
      text: '企业名称,所属园区\r\n慈溪市鑫达五金有限公司,万洋（掌起）众创城',
      encoding: 'gb18030',
    });
  });

  it('reads UTF-16 with its BOM (Excel’s "Unicode text")', () => {
    const text = '企业名称\t所属园区';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    [...text].forEach((ch, i) => new DataView(bytes.buffer).setUint16(2 + i * 2, ch.charCodeAt(0), true));
    expect(decodeText(bytes)).toEqual({ text, encoding: 'utf-16le' });
  });
});
