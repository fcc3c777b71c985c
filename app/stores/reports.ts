/**
 * Reports read straight from the server (online only: they count what the
 * server knows, across many phones): the rectification table, the findings
 * behind a number, Excel files, and the regions and parks in scope for
 * breadcrumbs and names.
 */
import { defineStore } from 'pinia';
import { shallowRef } from 'vue';
import { ListOf } from '../../shared/schemas/common';
import { Park, Region } from '../../shared/schemas/entities';
import {
  RectificationReport,
  ReportFindingPage,
  type ReportFindingQuery,
  type ReportQuery,
} from '../../shared/schemas/reports';
import { BacklogReport, type BacklogQuery } from '../../shared/schemas/backlog';
import { api, type QueryValue } from '../api/client';
import { useSessionStore } from './session';

/** The Excel files a report page offers. */
export type ExcelPath = '/api/reports/rectification.xlsx' | '/api/reports/findings.xlsx' | '/api/reports/backlog.xlsx' | `/api/plans/${string}/targets.xlsx`;

type Query<T> = { [K in keyof T]?: T[K] & QueryValue };

/** "attachment; filename*=UTF-8''%E6%85%88….xlsx" → the file name. */
function fileNameOf(disposition: string | null, fallback: string): string {
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '')?.[1];
  return encoded ? decodeURIComponent(encoded) : fallback;
}

export const useReportsStore = defineStore('reports', () => {
  const session = useSessionStore();
  const regions = shallowRef<Region[]>([]);
  const parks = shallowRef<Park[]>([]);
  let placesOf: string | undefined;

  /** The regions (with the chain above them) and parks in scope, once per user. */
  async function loadPlaces(): Promise<void> {
    const userId = session.user?.id;
    if (!userId || placesOf === userId) return;
    const [r, p] = await Promise.all([
      api.request('GET', '/api/regions', { schema: ListOf(Region) }),
      api.request('GET', '/api/parks', { schema: ListOf(Park) }),
    ]);
    if (session.user?.id !== userId) return;
    regions.value = r.items;
    parks.value = p.items;
    placesOf = userId;
  }

  function report(query: Query<ReportQuery> & Pick<ReportQuery, 'groupBy'>, signal?: AbortSignal) {
    return api.request('GET', '/api/reports/rectification', { query, schema: RectificationReport, signal });
  }

  function backlog(query: Query<BacklogQuery> & Pick<BacklogQuery, 'groupBy'>, signal?: AbortSignal) {
    return api.request('GET', '/api/reports/backlog', { query, schema: BacklogReport, signal });
  }

  function findings(query: Query<ReportFindingQuery>, signal?: AbortSignal) {
    return api.request('GET', '/api/reports/findings', { query, schema: ReportFindingPage, signal });
  }

  /**
   * Fetches an Excel file and hands it to the browser as a download. The API
   * needs the bearer token, so a plain link cannot do it.
   */
  async function download(path: ExcelPath, query: Record<string, QueryValue>) {
    const file = await api.send('GET', path, {
      query,
      timeout: 'file',
      read: async (r) => ({ blob: await r.blob(), name: fileNameOf(r.headers.get('content-disposition'), 'report.xlsx') }),
    });
    const url = URL.createObjectURL(file.blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = file.name;
    document.body.append(a);
    a.click();
    a.remove();
    // The browser has taken the file once the click is handled.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }

  return { regions, parks, loadPlaces, report, backlog, findings, download };
});
