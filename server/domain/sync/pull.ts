/**
 * Sync pull (API.md): what changed in the caller's scope since their cursor,
 * a page at a time, oldest first.
 *
 * The cursor holds the last change number delivered, whose user it was made
 * for, that user's scope version and the global scope epoch. When any of
 * those no longer match — the scope changed, a park moved between regions,
 * or the cursor is not one we made — the answer is `reset`: the phone drops
 * its cached server data (never its outbox) and pulls everything again.
 *
 * Each page is read in one repeatable-read snapshot, so "caught up to
 * change N" is true of exactly what the page saw; together with the change
 * numbering under an advisory lock (repo/write.ts), no change is skipped.
 */
import { z } from 'zod';
import { PULL_DEFAULT_LIMIT, type Change, type ChangeKind, type PullResponse } from '../../../shared/schemas/sync';
import { scopeKey } from '../../../shared/scope';
import type { Executor } from '../../db/client';
import { toEnterprise, toFinding, toFindingEvent, toInspection, toPark, toRegion, toTemplate, type MapContext } from '../../repo/mappers';
import { plansNaming } from '../../repo/plans';
import { changesSince, feedHead, rowsByIds, type ChangeRow } from '../../repo/sync';
import type { Actor } from '../../repo/users';
import { encodeCursor } from '../cursor';
import { planDetails, viewerOf } from '../plans';
import { mapContext, type Services } from '../services';

const Cursor = z.object({ v: z.literal(1), seq: z.number().int().min(0), u: z.string(), sv: z.number().int(), ep: z.number().int() });
type Cursor = z.infer<typeof Cursor>;

function readCursor(raw: string): Cursor | undefined {
  try {
    const parsed = Cursor.safeParse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export async function pull(s: Services, actor: Actor, q: { cursor?: string | undefined; limit?: number | undefined }): Promise<PullResponse> {
  const limit = q.limit ?? PULL_DEFAULT_LIMIT;
  const viewer = viewerOf(actor);
  return s.db.transaction(
    async (tx) => {
      // The head and the page come from one snapshot (repeatable read), so they agree.
      const head = await feedHead(tx);
      const epoch = head.scopeEpoch;
      const cursor = q.cursor ? readCursor(q.cursor) : undefined;
      if (q.cursor && (!cursor || cursor.u !== actor.id || cursor.sv !== actor.scopeVersion || cursor.ep !== epoch)) {
        return { cursor: '', more: false, reset: true, changes: [] };
      }
      const after = cursor?.seq ?? 0;
      const ctx = mapContext(s);
      const build = async () => {
        // A first pull needs only what exists: deletions matter to phones that hold the old row.
        const rows = await changesSince(tx, viewer, after, limit + 1, Boolean(cursor));
        const more = rows.length > limit;
        const page = rows.slice(0, limit);
        // When the page ends the feed, the cursor may skip past changes outside the scope too.
        const reached = more ? page.at(-1)!.seq : Math.max(page.at(-1)?.seq ?? after, head.latestSeq);
        return { more, reached, changes: await materialise(tx, page, ctx) };
      };
      // Besides the scope, a page depends on the role and on the plans that name
      // this user (made by them, or assigning them): those reach them outside their scope.
      const own = viewer.role === 'admin' || viewer.role === 'operator' ? [] : await plansNaming(tx, actor.id);
      const key = [scopeKey(viewer.scope), viewer.role, own.join(','), after, limit, Boolean(cursor), head.latestSeq, epoch, ctx.today].join('|');
      const { more, reached, changes } = s.pullCache ? await s.pullCache.get(key, build) : await build();
      return {
        cursor: encodeCursor({ v: 1, seq: reached, u: actor.id, sv: actor.scopeVersion, ep: epoch } satisfies Cursor),
        more,
        reset: false,
        changes,
      };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

async function materialise(db: Executor, page: ChangeRow[], ctx: MapContext): Promise<Change[]> {
  const wanted = new Map<ChangeKind, string[]>();
  for (const c of page) if (c.op === 'put') wanted.set(c.kind, [...(wanted.get(c.kind) ?? []), c.entityId]);
  const data = new Map<string, unknown>();
  for (const [kind, ids] of wanted) {
    if (kind === 'plan') {
      for (const p of await planDetails(db, ctx.tz, ids)) data.set(`plan:${p.plan.id}`, p);
      continue;
    }
    for (const row of await rowsByIds(db, kind, ids)) data.set(`${kind}:${row.id}`, toApi(kind, row as never, ctx));
  }
  const out: Change[] = [];
  for (const c of page) {
    if (c.op === 'delete') out.push({ kind: c.kind, op: 'delete', id: c.entityId });
    else {
      const d = data.get(`${c.kind}:${c.entityId}`);
      if (d) out.push({ kind: c.kind, op: 'put', id: c.entityId, data: d });
    }
  }
  return out;
}

function toApi(kind: ChangeKind, row: never, ctx: MapContext): unknown {
  switch (kind) {
    case 'region':
      return toRegion(row);
    case 'park':
      return toPark(row);
    case 'enterprise':
      return toEnterprise(row);
    case 'template':
      return toTemplate(row, ctx.tz);
    case 'inspection':
      return toInspection(row, ctx.tz);
    case 'finding':
      return toFinding(row, ctx);
    case 'findingEvent':
      return toFindingEvent(row, ctx.tz);
    case 'plan':
      throw new Error('plans are materialised with their targets');
  }
}
