/** Excel answers: how a route declares one (OpenAPI) and sends one (streamed, never cached). */
import { Readable } from 'node:stream';
import { z } from '@hono/zod-openapi';
import type { ExcelFile } from '../export/reports';
import { attachmentHeader, XLSX_TYPE } from '../export/workbook';

export const excel = (description: string) => ({
  description,
  content: { [XLSX_TYPE]: { schema: z.string().meta({ format: 'binary' }) } },
});

export function sendExcel(file: ExcelFile): Response {
  return new Response(Readable.toWeb(file.stream) as ReadableStream, {
    status: 200,
    headers: {
      'Content-Type': XLSX_TYPE,
      'Content-Disposition': attachmentHeader(file.fileName),
      'Cache-Control': 'private, no-store',
    },
  });
}
