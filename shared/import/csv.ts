/**
 * CSV as spreadsheets write it (RFC 4180): fields separated by commas,
 * quoted with double quotes when they hold a separator, a quote or a line
 * break, a quote inside a quoted field doubled. Lines end in CRLF, LF or CR;
 * the last line break is optional. Pure: the server parses uploads with it,
 * and it writes the downloadable import template.
 */

export class CsvError extends Error {
  override readonly name = 'CsvError';

  constructor(
    message: string,
    /** 1-based line of the file where the problem starts. */
    readonly line: number,
  ) {
    super(message);
  }
}

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'gb18030';

/**
 * Bytes → text. UTF-8 with or without a BOM is the standard; a UTF-16 BOM
 * is what Excel's "Unicode text" export writes. Chinese Excel on Windows
 * saves "CSV" in the ANSI code page, GBK: bytes that are not valid UTF-8
 * are read as GB18030, the superset of GBK every browser and Node decode.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

/**
 * The separator of the first line, outside quotes: a comma, or a tab (a
 * spreadsheet's "text" export) or semicolon (European locales) when the
 * line has those and no comma.
 */
function detectSeparator(text: string): string {
  let commas = 0;
  let tabs = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (ch === '\n' || ch === '\r') break;
    else if (ch === ',') commas++;
    else if (ch === '\t') tabs++;
    else if (ch === ';') semicolons++;
  }
  if (commas > 0) return ',';
  if (tabs > 0) return '\t';
  return semicolons > 0 ? ';' : ',';
}

/** The rows of a CSV text, each a list of fields exactly as written (no trimming). */
export function parseCsv(text: string): string[][] {
  const sep = detectSeparator(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let line = 1;
  let i = 0;
  const n = text.length;
  let atFieldStart = true;

  const endField = () => {
    row.push(field);
    field = '';
    atFieldStart = true;
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };

  while (i < n) {
    const ch = text[i]!;
    if (atFieldStart && ch === '"') {
      const startLine = line;
      i++;
      for (;;) {
        if (i >= n) throw new CsvError(`a quoted field opened on line ${startLine} is never closed`, startLine);
        const c = text[i]!;
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
        field += c;
        i++;
      }
      atFieldStart = false;
      // Spreadsheets never write text between a closing quote and the separator; tolerate it as part of the field.
      continue;
    }
    atFieldStart = false;
    if (ch === sep) {
      endField();
      i++;
    } else if (ch === '\r' || ch === '\n') {
      endRow();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
    } else {
      field += ch;
      i++;
    }
  }
  if (!atFieldStart || row.length > 0) endRow();
  return rows;
}

const NEEDS_QUOTES = /[",\r\n]/;

/** Rows → CSV text with CRLF line ends, quoting only where needed. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  const field = (f: string) => (NEEDS_QUOTES.test(f) ? `"${f.replace(/"/g, '""')}"` : f);
  return rows.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}
