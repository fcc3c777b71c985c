/**
 * Plans as supervisors run them, from the server (online: coverage counts
 * what every phone has sent): the list, one plan with its targets, making,
 * changing and closing one, and what the creation form picks from.
 */
import { defineStore } from 'pinia';
import { shallowRef } from 'vue';
import { ListOf, PageOf } from '../../shared/schemas/common';
import { Enterprise, Template } from '../../shared/schemas/entities';
import { PlanDetail, PlanInspectorList, PlanList, type PlanCreate, type PlanUpdate } from '../../shared/schemas/plans';
import { api } from '../api/client';

export const usePlanManageStore = defineStore('plan-manage', () => {
  const plans = shallowRef<PlanList['items']>([]);

  async function loadList(): Promise<void> {
    plans.value = (await api.request('GET', '/api/plans', { schema: PlanList })).items;
  }

  const plan = (id: string) => api.request('GET', `/api/plans/${id}`, { schema: PlanDetail });
  const create = (body: PlanCreate) => api.request('POST', '/api/plans', { body, schema: PlanDetail });
  const update = (id: string, body: PlanUpdate) => api.request('PATCH', `/api/plans/${id}`, { body, schema: PlanDetail });
  const inspectors = async () => (await api.request('GET', '/api/plans/inspectors', { schema: PlanInspectorList })).items;
  const templates = async () => (await api.request('GET', '/api/templates', { schema: ListOf(Template) })).items;
  /** A park's enterprises to pick from (the first 500: a whole park is picked as a park). */
  const enterprises = async (parkId: string) =>
    (await api.request('GET', '/api/enterprises', { query: { parkId, limit: 500 }, schema: PageOf(Enterprise) })).items;

  return { plans, loadList, plan, create, update, inspectors, templates, enterprises };
});
