/**
 * What a report page shows, kept in the address (so a view can be shared,
 * bookmarked and printed): the period (a preset, or custom from/to), and
 * optionally a region or a park. Plus the words for periods and rates.
 */
import { computed } from 'vue';
import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import { useRoute } from 'vue-router';
import { isValidDate } from '../../../shared/dates';
import { PERIOD_PRESETS, periodKind, presetPeriod, type Period, type PeriodPreset } from '../../../shared/rates';
import type { Measure, ReportLang } from '../../../shared/schemas/reports';
import { today } from '../../calendar';
import { locale } from '../../i18n';

export type Preset = PeriodPreset | 'custom';

export interface ReportWhere {
  preset: Preset;
  period: Period;
  regionId?: string | undefined;
  parkId?: string | undefined;
}

/** One non-empty value of a query parameter. */
export const one = (v: LocationQuery[string] | undefined) => (typeof v === 'string' && v ? v : undefined);

export function whereOf(query: LocationQuery, fallback: PeriodPreset = 'thisMonth'): ReportWhere {
  const from = one(query.from);
  const to = one(query.to);
  const named = one(query.period);
  const scope = { regionId: one(query.regionId), parkId: one(query.parkId) };
  if (named === 'custom' && from && to && isValidDate(from) && isValidDate(to) && from <= to) {
    return { preset: 'custom', period: { from, to }, ...scope };
  }
  const preset = PERIOD_PRESETS.includes(named as PeriodPreset) ? (named as PeriodPreset) : fallback;
  return { preset, period: presetPeriod(preset, today()), ...scope };
}

export function useReportWhere(fallback: PeriodPreset = 'thisMonth') {
  const route = useRoute();
  return computed(() => whereOf(route.query, fallback));
}

/** The address query for a where, changed by `patch` (undefined drops a key). */
export function whereQuery(w: ReportWhere, patch: Partial<ReportWhere> = {}): LocationQueryRaw {
  const next = { ...w, ...patch };
  return {
    period: next.preset,
    ...(next.preset === 'custom' ? { from: next.period.from, to: next.period.to } : {}),
    ...(next.regionId ? { regionId: next.regionId } : {}),
    ...(next.parkId ? { parkId: next.parkId } : {}),
  };
}

/** A region or a park to narrow to: exactly one of them, replacing the other. */
export type Place = { regionId: string; parkId?: undefined } | { parkId: string; regionId?: undefined } | Record<string, never>;

export interface ListFilter {
  measure: Measure;
  category?: string;
  severity?: string;
  period?: Period;
}

/** The list of findings a number counts. */
export function listLink(w: ReportWhere, place: Place, filter: ListFilter) {
  const scope = 'regionId' in place || 'parkId' in place ? place : { regionId: w.regionId, parkId: w.parkId };
  const period = filter.period ?? w.period;
  return {
    path: '/reports/findings',
    query: {
      measure: filter.measure,
      from: period.from,
      to: period.to,
      ...(scope.regionId ? { regionId: scope.regionId } : {}),
      ...(scope.parkId ? { parkId: scope.parkId } : {}),
      ...(filter.category ? { category: filter.category } : {}),
      ...(filter.severity ? { severity: filter.severity } : {}),
    },
  };
}

/** The API's label language. */
export const apiLang = computed<ReportLang>(() => (locale.value === 'en' ? 'en' : 'zh'));

type Translate = (key: string, named?: Record<string, unknown>) => string;

export function periodLabel(p: Period, t: Translate): string {
  const [year, month] = p.from.split('-').map(Number) as [number, number];
  switch (periodKind(p)) {
    case 'month':
      return t('reports.period.month', { year, month });
    case 'quarter':
      return t('reports.period.quarter', { year, quarter: (month + 2) / 3 });
    case 'year':
      return t('reports.period.year', { year });
    case 'custom':
      return t('reports.period.range', { from: p.from, to: p.to });
  }
}

/** 0.8333 → "83.3%"; null (an empty group) → "—". */
export function percent(r: number | null | undefined): string {
  return r === null || r === undefined ? '—' : `${(Math.round(r * 1000) / 10).toFixed(1)}%`;
}
