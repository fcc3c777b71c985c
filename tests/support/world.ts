/**
 * A small, fully known world for API tests:
 *
 *   慈溪市 (city)
 *   ├── 掌起镇 (townA) ── park A2
 *   │    └── 厉家村 (villageA) ── park A1 (a sub-region: townA's users must see it)
 *   └── 浒山街道 (townB) ── park B1
 *
 * Users: admin; supervisor of the city; inspector and supervisor of townA;
 * inspector and supervisor of townB; operators of A1 and of B1.
 * Everyone's password is PASSWORD.
 */
import { randomUUID } from 'node:crypto';
import { makeCreditCode } from '../../shared/credit-code';
import { addDays, localDate } from '../../shared/dates';
import { bootstrap } from '../../server/bootstrap';
import { createEnterprise } from '../../server/domain/admin/enterprises';
import { createPark } from '../../server/domain/admin/parks';
import { createRegion } from '../../server/domain/admin/regions';
import { createUser } from '../../server/domain/admin/users';
import { dueColumns } from '../../server/repo/findings';
import { insertFindings, insertInspections } from '../../server/repo/sync';
import { findUserByUsername } from '../../server/repo/users';
import { writeTx } from '../../server/repo/write';
import type { TestServer } from './server';

export const PASSWORD = 'password-123';

const USERS = {
  admin: { role: 'admin' },
  supCity: { role: 'supervisor', regions: ['city'] },
  inspA: { role: 'inspector', regions: ['townA'] },
  supA: { role: 'supervisor', regions: ['townA'] },
  inspB: { role: 'inspector', regions: ['townB'] },
  supB: { role: 'supervisor', regions: ['townB'] },
  opA1: { role: 'operator', parks: ['A1'] },
  opB1: { role: 'operator', parks: ['B1'] },
} as const;
export type UserKey = keyof typeof USERS;

export interface World {
  regions: { city: string; townA: string; villageA: string; townB: string };
  parks: { A1: string; A2: string; B1: string };
  enterprises: { A1a: string; A1b: string; A2a: string; B1a: string };
  users: Record<UserKey, string>;
  tokens: Record<UserKey, string>;
  templates: { fire: string; safety: string; environment: string };
  /** Creates an inspection with findings through the repository, not by push (the API test of sync does that). */
  seedFindings(opts: SeedOptions): Promise<{ inspectionId: string; findingIds: string[] }>;
}

export interface SeedOptions {
  park: keyof World['parks'];
  enterprise?: keyof World['enterprises'];
  inspector?: UserKey;
  inspectedAt?: string;
  findings: {
    severity?: 'general' | 'major';
    status?: 'open' | 'submitted' | 'closed';
    dueDate?: string;
    category?: 'fire' | 'safety' | 'environment';
    description?: string;
    rectifiedAt?: string;
  }[];
}

export async function buildWorld(t: TestServer): Promise<World> {
  const s = t.services;
  await bootstrap(s, { demo: false, adminUsername: 'admin', adminPassword: PASSWORD });
  const adminRow = (await findUserByUsername(s.db, 'admin'))!;
  const who = { actor: { id: adminRow.id, username: 'admin' }, ip: null };

  const city = (await createRegion(s, { name: '慈溪市' }, who)).id;
  const townA = (await createRegion(s, { name: '掌起镇', parentId: city }, who)).id;
  const villageA = (await createRegion(s, { name: '厉家村', parentId: townA }, who)).id;
  const townB = (await createRegion(s, { name: '浒山街道', parentId: city }, who)).id;
  const regions = { city, townA, villageA, townB };

  const parks = {
    A1: (await createPark(s, { name: '万洋（掌起）众创城', regionId: villageA, starRating: 2, areaMu: 105 }, who)).id,
    A2: (await createPark(s, { name: '环杭州湾（慈星）智能产业园', regionId: townA, starRating: 3 }, who)).id,
    B1: (await createPark(s, { name: '华东轻纺针织城', regionId: townB, starRating: 3 }, who)).id,
  };
  let serial = 40_000_000;
  const ent = async (park: keyof typeof parks, name: string) =>
    (await createEnterprise(s, { parkId: parks[park], name, creditCode: makeCreditCode('330282', serial++) }, who)).id;
  const enterprises = {
    A1a: await ent('A1', '慈溪市鑫达五金有限公司'),
    A1b: await ent('A1', '宁波恒泰电器有限公司'),
    A2a: await ent('A2', '慈溪市瑞丰智能科技有限公司'),
    B1a: await ent('B1', '慈溪市华盛针织有限公司'),
  };

  const users = { admin: adminRow.id } as Record<UserKey, string>;
  await Promise.all(
    (Object.entries(USERS) as [UserKey, (typeof USERS)[UserKey]][])
      .filter(([key]) => key !== 'admin')
      .map(async ([key, u]) => {
        const created = await createUser(
          s,
          {
            username: key,
            password: PASSWORD,
            name: key,
            role: u.role,
            regionIds: 'regions' in u ? u.regions.map((r) => regions[r]) : [],
            parkIds: 'parks' in u ? u.parks.map((p) => parks[p]) : [],
          },
          who,
        );
        users[key] = created.id;
      }),
  );

  const tokens = {} as Record<UserKey, string>;
  for (const key of Object.keys(USERS) as UserKey[]) {
    const res = await t.call('POST', '/api/auth/login', { body: { username: key, password: PASSWORD } });
    if (res.status !== 200) throw new Error(`login ${key}: ${res.status} ${res.text}`);
    tokens[key] = res.body.token;
  }

  const list = await t.call('GET', '/api/templates', { token: tokens.admin });
  const byCategory = (c: string) => list.body.items.find((x: { category: string }) => x.category === c).id as string;
  const templates = { fire: byCategory('fire'), safety: byCategory('safety'), environment: byCategory('environment') };

  const world: World = {
    regions,
    parks,
    enterprises,
    users,
    tokens,
    templates,
    async seedFindings(o) {
      const inspectedAt = new Date(o.inspectedAt ?? s.now().toISOString());
      const inspector = o.inspector ?? 'inspA';
      const inspectionId = randomUUID();
      const parkId = parks[o.park];
      const findingIds: string[] = [];
      await writeTx(s.db, async (tx, changes) => {
        await insertInspections(tx, [
          {
            id: inspectionId,
            templateId: templates.fire,
            parkId,
            enterpriseId: o.enterprise ? enterprises[o.enterprise] : null,
            inspectorId: users[inspector],
            inspectorName: inspector,
            inspectedAt,
            clientInspectedAt: inspectedAt,
            receivedAt: inspectedAt,
            answers: [],
          },
        ]);
        changes.park('inspection', inspectionId, parkId);
        const rows = o.findings.map((f) => {
          const status = f.status ?? 'open';
          const rectifiedAt = f.rectifiedAt ? new Date(f.rectifiedAt) : status === 'closed' ? inspectedAt : null;
          return {
            id: randomUUID(),
            inspectionId,
            parkId,
            enterpriseId: o.enterprise ? enterprises[o.enterprise] : null,
            templateId: templates.fire,
            itemCode: null,
            category: f.category ?? 'fire',
            severity: f.severity ?? 'general',
            description: f.description ?? '疏散通道堆放杂物',
            ...dueColumns(f.dueDate ?? addDays(localDate(inspectedAt, s.tz), 7), s.tz),
            status,
            observedAt: inspectedAt,
            submittedAt: status === 'submitted' ? inspectedAt : null,
            rectifiedAt,
            closedAt: status === 'closed' ? rectifiedAt : null,
          };
        });
        await insertFindings(tx, rows);
        for (const f of rows) {
          findingIds.push(f.id);
          changes.park('finding', f.id, parkId);
        }
      });
      return { inspectionId, findingIds };
    },
  };
  return world;
}
