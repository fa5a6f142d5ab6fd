// Clean-governance screensaver slides (廉政屏保): kept by a work committee for its whole tree, read by every
// admin in it (the browser renders them to 1920x1080 PNGs with the admin's org name). A committee that never
// had slides starts from the shipped ones (screensaver-defaults.ts), written on its first read.
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/types.js';
import type { Actor } from '../../platform/actor.js';
import type { Access } from '../../platform/access.js';
import type { Audit } from '../../platform/audit.js';
import { type Clock, iso } from '../../platform/clock.js';
import { badInput, conflict, notFound } from '../../platform/errors.js';
import { SLIDES_MAX, type Slide, type SlideCreateBody, type SlideList, type SlideUpdateBody } from '../../../../contracts/display.js';
import { DEFAULT_SLIDES } from './screensaver-defaults.js';

const cleanLines = (lines: string[]) => {
  const out = lines.map((l) => l.trim()).filter(Boolean);
  if (!out.length) throw badInput('每页至少要有一行文字', [{ field: 'lines', message: '不能为空' }]);
  return out;
};

export function createSlidesService(deps: { db: Kysely<Database>; access: Access; audit: Audit; clock: Clock }) {
  const { db, access, audit, clock } = deps;
  const present = (r: { id: number; title: string; lines: string; sort_order: number; enabled: number; version: number }): Slide => ({
    id: r.id, title: r.title, lines: JSON.parse(r.lines) as string[], sortOrder: r.sort_order, enabled: r.enabled === 1, version: r.version,
  });

  async function seedOnce(rootId: number) {
    const any = await db.selectFrom('screensaver_slide').select('id').where('root_id', '=', rootId).limit(1).executeTakeFirst();
    if (any) return;
    const now = iso(clock.now());
    await db.transaction().execute(async (trx) => {
      const again = await trx.selectFrom('screensaver_slide').select('id').where('root_id', '=', rootId).limit(1).executeTakeFirst();
      if (again) return;
      await trx.insertInto('screensaver_slide').values(DEFAULT_SLIDES.map((s, i) => ({
        root_id: rootId, title: s.title, lines: JSON.stringify(s.lines), sort_order: (i + 1) * 10, enabled: 1, created_at: now, updated_at: now, deleted_at: null, version: 1,
      }))).execute();
    });
  }
  async function loadSlide(id: number) {
    const row = await db.selectFrom('screensaver_slide').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    if (!row) throw notFound('屏保页');
    return row;
  }

  return {
    /** The slides of the work committee above `orgId` (the org's root). */
    async list(actor: Actor, orgId: number): Promise<SlideList> {
      await access.require(actor, 'slides.read', orgId);
      const org = await db.selectFrom('org').select(['root_id']).where('id', '=', orgId).executeTakeFirst();
      if (!org) throw notFound('组织');
      const root = await db.selectFrom('org').select(['id', 'name']).where('id', '=', org.root_id).executeTakeFirstOrThrow();
      await seedOnce(root.id);
      const rows = await db.selectFrom('screensaver_slide').selectAll().where('root_id', '=', root.id).where('deleted_at', 'is', null)
        .orderBy('sort_order').orderBy('id').execute();
      return { root, editable: await access.can(actor, 'slides.write', root.id), items: rows.map(present) };
    },

    async create(actor: Actor, body: SlideCreateBody): Promise<Slide> {
      await access.require(actor, 'slides.write', body.rootId);
      const root = await db.selectFrom('org').select(['id', 'parent_id']).where('id', '=', body.rootId).executeTakeFirst();
      if (!root) throw notFound('组织');
      if (root.parent_id !== null) throw badInput('屏保由机关工委统一维护');
      await seedOnce(root.id);
      const count = await db.selectFrom('screensaver_slide').select((eb) => eb.fn.countAll<number>().as('n')).where('root_id', '=', root.id)
        .where('deleted_at', 'is', null).executeTakeFirstOrThrow();
      if (Number(count.n) >= SLIDES_MAX) throw badInput(`屏保最多 ${SLIDES_MAX} 页`);
      const now = iso(clock.now());
      const id = await db.transaction().execute(async (trx) => {
        const { id } = await trx.insertInto('screensaver_slide').values({
          root_id: root.id, title: body.title.trim(), lines: JSON.stringify(cleanLines(body.lines)), sort_order: body.sortOrder, enabled: body.enabled ? 1 : 0,
          created_at: now, updated_at: now, deleted_at: null, version: 1,
        }).returning('id').executeTakeFirstOrThrow();
        await audit.record(actor, { action: 'screensaver_slide.create', targetType: 'screensaver_slide', targetId: id, orgId: root.id, detail: { title: body.title } }, trx);
        return id;
      });
      return present(await loadSlide(id));
    },

    async update(actor: Actor, id: number, body: SlideUpdateBody): Promise<Slide> {
      const row = await loadSlide(id);
      await access.require(actor, 'slides.write', row.root_id);
      await db.transaction().execute(async (trx) => {
        const r = await trx.updateTable('screensaver_slide').set({
          title: body.title.trim(), lines: JSON.stringify(cleanLines(body.lines)), sort_order: body.sortOrder, enabled: body.enabled ? 1 : 0,
          updated_at: iso(clock.now()), version: row.version + 1,
        }).where('id', '=', id).where('version', '=', body.version).where('deleted_at', 'is', null).executeTakeFirst();
        if (Number(r.numUpdatedRows) !== 1) throw conflict();
        await audit.record(actor, { action: 'screensaver_slide.update', targetType: 'screensaver_slide', targetId: id, orgId: row.root_id, detail: { title: body.title, enabled: body.enabled } }, trx);
      });
      return present(await loadSlide(id));
    },

    async remove(actor: Actor, id: number) {
      const row = await loadSlide(id);
      await access.require(actor, 'slides.write', row.root_id);
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('screensaver_slide').set({ deleted_at: iso(clock.now()) }).where('id', '=', id).execute();
        await audit.record(actor, { action: 'screensaver_slide.delete', targetType: 'screensaver_slide', targetId: id, orgId: row.root_id, detail: { title: row.title } }, trx);
      });
      return { ok: true };
    },
  };
}
export type SlidesService = ReturnType<typeof createSlidesService>;
