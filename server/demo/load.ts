/**
 * Demo data for an empty database (PARKCHECK_DEMO=1): Cixi's towns and parks,
 * ~1,000 enterprises with valid credit codes, the demo accounts, and twelve
 * months of inspections whose findings went through the real loop — fixed on
 * the spot, rectified and verified on time or late, rejected and resubmitted,
 * extended, still open, overdue, awaiting re-inspection — so every screen has
 * real content from the first start. Deterministic apart from "now".
 */
import { addDays, formatInstant, localDate, startOfDate } from '../../shared/dates';
import { makeCreditCode } from '../../shared/credit-code';
import type { Answer, PendingExtension, TemplateItem } from '../../shared/schemas/entities';
import { localized } from '../../shared/i18n-text';
import type { Tx } from '../db/client';
import fs from 'node:fs';
import { attachmentRefs, attachments, enterprises, findingEvents, findings, inspections, parks, regions, templates, users } from '../db/schema';
import { createHash } from 'node:crypto';
import { hashPassword } from '../domain/passwords';
import type { Services } from '../domain/services';
import { dueColumns } from '../repo/findings';
import type { ChangeSet } from '../repo/write';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './accounts';
import { demoProblem } from './problems';
import {
  BRAND_SYLLABLES,
  BUILDING_PARKS,
  BUILT_PARKS,
  CITY,
  GIVEN_NAMES,
  SURNAMES,
  TOWNS,
  TRADE_WORDS,
  type DemoPark,
} from './places';
import { Random } from './random';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const BATCH = 400;
/** Drawn by photos/make.ts. */
const EVIDENCE_PHOTOS = ['extinguisher.jpg', 'corridor.jpg', 'cabinet.jpg', 'exit-sign.jpg'];

type RegionRow = typeof regions.$inferInsert;
type ParkRow = typeof parks.$inferInsert;
type EnterpriseRow = typeof enterprises.$inferInsert;
type UserRow = typeof users.$inferInsert;
type InspectionRow = typeof inspections.$inferInsert;
type FindingRow = typeof findings.$inferInsert;
type EventRow = typeof findingEvents.$inferInsert;
type TemplateRow = typeof templates.$inferSelect;

interface Actor {
  id: string;
  name: string;
  role: 'admin' | 'supervisor' | 'inspector' | 'operator';
}

async function insertAll<T extends Record<string, unknown>>(
  tx: Tx,
  table: Parameters<Tx['insert']>[0],
  rows: T[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    await tx.insert(table).values(rows.slice(i, i + BATCH) as never);
  }
}

export async function loadDemoData(tx: Tx, changes: ChangeSet, s: Services, opts: { withAdmin: boolean }) {
  const rnd = new Random(20_201_130);
  const now = s.now();

  // Regions: 宁波市 › 慈溪市 › towns.
  const regionRows: RegionRow[] = [];
  const root = rnd.uuid();
  const city = rnd.uuid();
  regionRows.push({ id: root, name: CITY.name, parentId: null, path: [root] });
  regionRows.push({ id: city, name: CITY.child, parentId: root, path: [root, city] });
  const townId = new Map<string, string>();
  for (const town of TOWNS) {
    const id = rnd.uuid();
    townId.set(town, id);
    regionRows.push({ id, name: town, parentId: city, path: [root, city, id] });
  }
  const regionIdOf = (name: string) => (name === CITY.child ? city : townId.get(name)!);

  // Parks.
  const parkRows: ParkRow[] = [];
  const parkId = new Map<string, string>();
  for (const p of [...BUILT_PARKS, ...BUILDING_PARKS.map((b) => ({ ...b, stars: 0 }))]) {
    const id = rnd.uuid();
    parkId.set(p.key, id);
    parkRows.push({
      id,
      name: p.name,
      regionId: townId.get(p.town)!,
      address: p.address,
      starRating: p.stars,
      areaMu: p.areaMu,
      floorArea: p.floorArea,
    });
  }

  // Enterprises, with unique names and valid credit codes.
  const enterpriseRows: EnterpriseRow[] = [];
  const byPark = new Map<string, EnterpriseRow[]>();
  const usedNames = new Set<string>();
  let serial = 31_000_000 + rnd.int(0, 999_999);
  for (const p of BUILT_PARKS) {
    const list: EnterpriseRow[] = [];
    for (let i = 0; i < p.enterprises; i++) {
      const name = enterpriseName(rnd, p, usedNames);
      serial += rnd.int(1, 977);
      const row: EnterpriseRow = {
        id: rnd.uuid(),
        parkId: parkId.get(p.key)!,
        name,
        creditCode: makeCreditCode(CITY.division, serial),
        building: `${rnd.int(1, 12)}号楼${rnd.int(1, 5)}层`,
        contactName: personName(rnd),
        contactPhone: `1${rnd.pick(['35', '36', '38', '39', '58', '59', '80', '86', '88'])}${String(rnd.int(0, 99_999_999)).padStart(8, '0')}`,
      };
      list.push(row);
      enterpriseRows.push(row);
    }
    byPark.set(p.key, list);
  }

  // Accounts: the documented ones, and one operator per other built park (no password).
  const demoHash = await hashPassword(DEMO_PASSWORD);
  const userRows: UserRow[] = [];
  const inspectorsOfTown = new Map<string, Actor>();
  const operatorOfPark = new Map<string, Actor>();
  let cityInspector: Actor | undefined;
  for (const a of DEMO_ACCOUNTS) {
    if (a.role === 'admin' && !opts.withAdmin) continue;
    const id = rnd.uuid();
    userRows.push({
      id,
      username: a.username,
      name: a.name,
      role: a.role,
      passwordHash: a.login ? demoHash : '!',
      regionIds: (a.regions ?? []).map(regionIdOf),
      parkIds: (a.parks ?? []).map((k) => parkId.get(k)!),
    });
    const actor: Actor = { id, name: a.name, role: a.role };
    if (a.role === 'inspector') for (const r of a.regions ?? []) inspectorsOfTown.set(r, actor);
    if (a.role === 'supervisor' && a.regions?.includes('慈溪市')) cityInspector = actor;
    if (a.role === 'operator') for (const k of a.parks ?? []) operatorOfPark.set(k, actor);
  }
  for (const p of BUILT_PARKS) {
    if (operatorOfPark.has(p.key)) continue;
    const id = rnd.uuid();
    const name = personName(rnd);
    userRows.push({ id, username: `op-${p.key}`, name, role: 'operator', passwordHash: '!', parkIds: [parkId.get(p.key)!] });
    operatorOfPark.set(p.key, { id, name, role: 'operator' });
  }

  await insertAll(tx, regions, regionRows);
  await insertAll(tx, parks, parkRows);
  await insertAll(tx, enterprises, enterpriseRows);
  await insertAll(tx, users, userRows);
  for (const r of regionRows) changes.region(r.id);
  for (const p of parkRows) changes.park('park', p.id, p.id);
  for (const e of enterpriseRows) changes.park('enterprise', e.id!, e.parkId);

  // Twelve months of inspections.
  const tpl = await tx.select().from(templates);
  const byCategory = (c: string) => tpl.find((t) => t.category === c)!;
  const fire = byCategory('fire');
  const safety = byCategory('safety');
  const environment = byCategory('environment');
  // The evidence photos every rectification carries (API.md: at least one), ids from their own
  // sequence so adding them left the rest of the demo as it was.
  const extraIds = new Random(4_017);
  const evidence = EVIDENCE_PHOTOS.map((file) => ({ id: extraIds.uuid(), bytes: fs.readFileSync(new URL(`./photos/${file}`, import.meta.url)) }));
  const sim = new LoopSimulator(rnd, now, s.tz, { photos: evidence.map((p) => p.id), closesMajors: cityInspector!, ids: extraIds });

  for (const p of BUILT_PARKS) {
    const pid = parkId.get(p.key)!;
    const inspector = inspectorsOfTown.get(p.town) ?? cityInspector!;
    const operator = operatorOfPark.get(p.key)!;
    const checker = () => (rnd.chance(0.12) && cityInspector ? cityInspector : inspector);
    // The park's common areas: a fire patrol about once a month.
    for (let m = 0; m < 12; m++) {
      const at = sim.workTime(now.getTime() - (m * 30 + rnd.int(2, 27)) * DAY);
      if (at < now.getTime()) sim.inspect({ template: fire, parkId: pid, enterpriseId: null, at, inspector, operator, checker, failRate: 0.05 });
    }
    // Enterprises: 1–4 inspections a year each.
    for (const e of byPark.get(p.key)!) {
      const count = rnd.weighted([[1, 3], [2, 4], [3, 2], [4, 1]] as const);
      for (let k = 0; k < count; k++) {
        const template = rnd.weighted([[fire, 45], [safety, 35], [environment, 20]] as const);
        const at = sim.workTime(now.getTime() - rnd.int(1, 364) * DAY);
        if (at >= now.getTime()) continue;
        sim.inspect({ template, parkId: pid, enterpriseId: e.id!, at, inspector, operator, checker, failRate: 0.07 });
      }
    }
  }
  // The on-site campaign at 万洋(掌起)众创城 (seed 001): 40+ enterprises, 100+ findings, about 11 months ago.
  const zq = BUILT_PARKS.find((p) => p.key === 'wanyang-zq')!;
  const zqInspector = inspectorsOfTown.get(zq.town)!;
  for (const e of byPark.get(zq.key)!.slice(0, 46)) {
    const at = sim.workTime(now.getTime() - rnd.int(315, 335) * DAY);
    sim.inspect({
      template: rnd.weighted([[fire, 50], [safety, 35], [environment, 15]] as const),
      parkId: parkId.get(zq.key)!,
      enterpriseId: e.id!,
      at,
      inspector: zqInspector,
      operator: operatorOfPark.get(zq.key)!,
      checker: () => zqInspector,
      failRate: 0.15,
    });
  }

  for (const p of evidence) await s.attachments.put(p.id, p.bytes, 'image/jpeg');
  await insertAll(
    tx,
    attachments,
    evidence.map((p) => ({ id: p.id, sha256: createHash('sha256').update(p.bytes).digest('hex'), contentType: 'image/jpeg', size: p.bytes.length, uploadedBy: operatorOfPark.values().next().value!.id })),
  );
  await insertAll(tx, attachmentRefs, [...sim.photoRefs].map((key) => ({ attachmentId: key.slice(0, 36), parkId: key.slice(37) })));
  await insertAll(tx, inspections, sim.inspections);
  await insertAll(tx, findings, sim.findings);
  await insertAll(tx, findingEvents, sim.events);
  for (const i of sim.inspections) changes.park('inspection', i.id, i.parkId);
  for (const f of sim.findings) changes.park('finding', f.id, f.parkId);
  for (const e of sim.events) changes.park('findingEvent', e.id, e.parkId);
}

function personName(rnd: Random): string {
  return rnd.pick(SURNAMES) + rnd.pick(GIVEN_NAMES) + (rnd.chance(0.6) ? rnd.pick(GIVEN_NAMES) : '');
}

function enterpriseName(rnd: Random, park: DemoPark, used: Set<string>): string {
  for (;;) {
    const brand = rnd.pick(BRAND_SYLLABLES) + rnd.pick(BRAND_SYLLABLES);
    const word = rnd.pick(TRADE_WORDS[rnd.pick(park.trades)]);
    const prefix = rnd.chance(0.8) ? '慈溪市' : '宁波';
    const name = `${prefix}${brand}${word}有限公司`;
    if (!used.has(name) && brand[0] !== brand[1]) {
      used.add(name);
      return name;
    }
  }
}

interface InspectArgs {
  template: TemplateRow;
  parkId: string;
  enterpriseId: string | null;
  at: number;
  inspector: Actor;
  operator: Actor;
  checker: () => Actor;
  failRate: number;
}

/**
 * Plays each finding through the rectification loop against the real clock:
 * events that would happen after "now" have not happened yet, which leaves
 * the realistic mix of open, submitted, overdue and closed findings.
 */
class LoopSimulator {
  readonly inspections: (InspectionRow & { id: string; parkId: string })[] = [];
  readonly findings: (FindingRow & { id: string; parkId: string })[] = [];
  readonly events: (EventRow & { id: string; parkId: string })[] = [];
  /** `photoId|parkId` of every evidence photo used: who may see it. */
  readonly photoRefs = new Set<string>();
  private readonly nowMs: number;

  constructor(
    private readonly rnd: Random,
    now: Date,
    private readonly tz: string,
    /**
     * Evidence photos, the supervisor who closes (销号) major hazards, and the ids of the
     * events that closing adds (from their own sequence, so the rest of the demo stays as it was).
     */
    private readonly loop: { photos: string[]; closesMajors: Actor; ids: Random },
  ) {
    this.nowMs = now.getTime();
  }

  /** An evidence photo for this finding: picked from its id, so the random sequence is untouched. */
  private photo(findingId: string, parkId: string): string[] {
    const id = this.loop.photos[parseInt(findingId.slice(-2), 16) % this.loop.photos.length]!;
    this.photoRefs.add(`${id}|${parkId}`);
    return [id];
  }

  /** A weekday working hour (08:30–17:30 local) on the day of `approx`. */
  workTime(approx: number): number {
    let date = localDate(new Date(approx), this.tz);
    for (;;) {
      const day = new Date(`${date}T12:00:00Z`).getUTCDay();
      if (day !== 0 && day !== 6) break;
      date = addDays(date, 1);
    }
    return startOfDate(date, this.tz).getTime() + 8.5 * HOUR + this.rnd.int(0, 9 * 60) * 60_000;
  }

  inspect(a: InspectArgs): void {
    const rnd = this.rnd;
    const id = rnd.uuid();
    const items = a.template.sections.flatMap((sec) => sec.items);
    const answers: Answer[] = [];
    const failed: TemplateItem[] = [];
    for (const item of items) {
      const r = rnd.next();
      const result = r < a.failRate * (item.severity === 'major' ? 0.5 : 1) ? 'fail' : r > 0.93 ? 'na' : 'pass';
      answers.push({ itemCode: item.code, result });
      if (result === 'fail') failed.push(item);
    }
    this.inspections.push({
      id,
      templateId: a.template.id,
      parkId: a.parkId,
      enterpriseId: a.enterpriseId,
      inspectorId: a.inspector.id,
      inspectorName: a.inspector.name,
      inspectedAt: new Date(a.at),
      clientInspectedAt: new Date(a.at),
      receivedAt: new Date(a.at + rnd.int(5, 240) * 60_000),
      geo: { lat: 30.17 + rnd.next() * 0.12, lng: 121.2 + rnd.next() * 0.3, accuracy: rnd.int(5, 40) },
      signatureAttachmentId: null,
      note: null,
      answers,
    });
    for (const item of failed) this.finding(a, id, item);
  }

  private event(e: Omit<EventRow, 'id' | 'at'> & { parkId: string; at: number }): void {
    const at = new Date(e.at);
    this.events.push({ ...e, id: this.rnd.uuid(), at, clientTime: at });
  }

  /** Some findings still open today have a request for more time waiting for a decision. */
  private maybeAskForTime(row: FindingRow & { id: string; parkId: string }, a: InspectArgs, extendedBefore: boolean): void {
    const rnd = this.rnd;
    if (extendedBefore || !rnd.chance(0.18)) return;
    const requestAt = this.nowMs - rnd.int(2, 60) * HOUR;
    if (requestAt <= a.at) return;
    const newDueDate = addDays(row.dueDate, rnd.int(7, 30));
    const reason = rnd.pick(['设备改造需厂家上门，申请延期两周', '整改涉及消防设施改造，需委托专业单位施工', '承租方正在搬迁，整改需协调业主']);
    const eventId = rnd.uuid();
    this.events.push({ id: eventId, findingId: row.id, parkId: a.parkId, type: 'requestExtension', actorId: a.operator.id, actorName: a.operator.name, actorRole: 'operator', at: new Date(requestAt), clientTime: new Date(requestAt), note: reason, newDueDate });
    row.pendingExtension = { eventId, newDueDate, reason, requestedBy: a.operator.id, requestedAt: formatInstant(new Date(requestAt), this.tz) };
    row.updatedAt = new Date(requestAt);
  }

  private finding(a: InspectArgs, inspectionId: string, item: TemplateItem): void {
    const rnd = this.rnd;
    const id = rnd.uuid();
    const inspectedDate = localDate(new Date(a.at), this.tz);
    const severity = item.severity;
    const dueDate = addDays(inspectedDate, item.dueDays ?? (severity === 'major' ? 30 : 7));
    const onSite = severity === 'general' && rnd.chance(0.25);
    const base = { findingId: id, parkId: a.parkId };
    const problem = demoProblem(rnd, item);

    const row: FindingRow & { id: string; parkId: string } = {
      id,
      inspectionId,
      parkId: a.parkId,
      enterpriseId: a.enterpriseId,
      templateId: a.template.id,
      itemCode: item.code,
      category: a.template.category,
      severity,
      description: problem.description,
      location: problem.location,
      requirement: localized(item.guidance, 'zh') || localized(item.text, 'zh'),
      ...dueColumns(dueDate, this.tz),
      status: 'open',
      rectifiedOnSite: onSite,
      attachmentIds: [],
      observedAt: new Date(a.at),
      createdAt: new Date(a.at),
      updatedAt: new Date(a.at),
    };
    this.findings.push(row);
    if (onSite) {
      Object.assign(row, { status: 'closed', rectifiedAt: new Date(a.at), closedAt: new Date(a.at), attachmentIds: this.photo(id, a.parkId) });
      return;
    }

    const dueEnd = row.dueEndAt.getTime();
    const window = dueEnd - a.at;
    const neglected = rnd.chance(0.06);
    // Late payers submit after the deadline; some ask for more time first.
    const late = rnd.chance(0.2);
    const extended = late && rnd.chance(0.35);
    if (extended) {
      const requestAt = a.at + window * (0.5 + rnd.next() * 0.4);
      if (requestAt > this.nowMs) return;
      const newDueDate = addDays(dueDate, rnd.int(7, 21));
      const reason = rnd.pick(['整改所需设备到货周期较长，申请延期', '需停产检修，计划在生产淡季实施整改', '涉及厂房改造，需业主方配合施工']);
      const requestEventId = rnd.uuid();
      this.events.push({ ...base, id: requestEventId, type: 'requestExtension', actorId: a.operator.id, actorName: a.operator.name, actorRole: 'operator', at: new Date(requestAt), clientTime: new Date(requestAt), note: reason, newDueDate });
      const decideAt = requestAt + rnd.int(4, 72) * HOUR;
      if (decideAt > this.nowMs) {
        const pending: PendingExtension = { eventId: requestEventId, newDueDate, reason, requestedBy: a.operator.id, requestedAt: formatInstant(new Date(requestAt), this.tz) };
        row.pendingExtension = pending;
        row.updatedAt = new Date(requestAt);
        return;
      }
      const approve = rnd.chance(0.75);
      const checker = a.checker();
      this.event({ ...base, type: 'decideExtension', actorId: checker.id, actorName: checker.name, actorRole: checker.role, at: decideAt, clientTime: new Date(decideAt), approve, newDueDate, note: approve ? '同意延期，请按期完成整改' : '不同意延期，请按原期限整改' });
      row.updatedAt = new Date(decideAt);
      if (approve) Object.assign(row, dueColumns(newDueDate, this.tz));
    }
    if (neglected) return this.maybeAskForTime(row, a, extended);

    let submitAt = late
      ? dueEnd + rnd.int(1, 20) * DAY * (0.3 + rnd.next())
      : a.at + Math.max(2 * HOUR, (row.dueEndAt.getTime() - a.at) * (0.15 + rnd.next() * 0.8));
    for (let round = 0; ; round++) {
      if (submitAt > this.nowMs) return round === 0 ? this.maybeAskForTime(row, a, extended) : undefined;
      this.event({ ...base, type: 'rectify', actorId: a.operator.id, actorName: a.operator.name, actorRole: 'operator', at: submitAt, clientTime: new Date(submitAt), note: rnd.pick(['已按要求整改完毕，请复查', '已整改，附整改后照片', '已落实整改措施并建立台账']), attachmentIds: this.photo(id, a.parkId) });
      Object.assign(row, { status: 'submitted', submittedAt: new Date(submitAt), submittedBy: a.operator.id, updatedAt: new Date(submitAt) });
      const decideAt = submitAt + rnd.int(6, 96) * HOUR;
      if (decideAt > this.nowMs) return;
      const checker = a.checker();
      if (round === 0 && rnd.chance(0.12)) {
        this.event({ ...base, type: 'reject', actorId: checker.id, actorName: checker.name, actorRole: checker.role, at: decideAt, clientTime: new Date(decideAt), note: rnd.pick(['整改不彻底，现场仍有问题，请重新整改', '照片不能反映整改效果，请补充整改后全景照片', '未建立相关台账记录，请补充']) });
        Object.assign(row, { status: 'open', submittedAt: null, submittedBy: null, updatedAt: new Date(decideAt) });
        submitAt = decideAt + rnd.int(1, 6) * DAY;
        continue;
      }
      // Drawn here, used or not, as the demo always drew it: the rest of the demo stays as it was.
      const verifyId = rnd.uuid();
      let closer = checker;
      let closeAt = decideAt;
      if (severity === 'major' && checker.role !== 'supervisor') {
        // A major hazard is closed by the supervising department (API.md); the inspector reports the re-inspection.
        const reported = new Date(decideAt);
        this.events.push({ ...base, id: this.loop.ids.uuid(), type: 'comment', actorId: checker.id, actorName: checker.name, actorRole: checker.role, at: reported, clientTime: reported, note: '现场复查合格，报请监管部门销号' });
        row.updatedAt = new Date(decideAt);
        closer = this.loop.closesMajors;
        closeAt = decideAt + 26 * HOUR;
        if (closeAt > this.nowMs) return;
      }
      const closed = new Date(closeAt);
      this.events.push({ ...base, id: verifyId, type: 'verify', actorId: closer.id, actorName: closer.name, actorRole: closer.role, at: closed, clientTime: closed, note: '复查合格，予以销号' });
      Object.assign(row, { status: 'closed', rectifiedAt: new Date(submitAt), closedAt: new Date(closeAt), submittedAt: null, submittedBy: null, updatedAt: new Date(closeAt) });
      return;
    }
  }
}
