// Freshness of columns (内容充实，并能及时更新): days since the last visible publication, against the threshold of
// the published standard's columnFresh checks (params.maxDays; the smallest if several differ). Computed at read
// time from the article index, so a scheduled article counts from its publish time on.
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/types.js';
import { type Clock, daysBetween, iso, todayCn } from '../../platform/clock.js';
import { currentStandard } from '../standard/standard.repo.js';
import { COLUMN_FRESH_DEFAULT_DAYS } from '../../../../contracts/content.js';
import type { ContentRepo } from './content.repo.js';

export interface Freshness { columnId: number; lastPublishedAt: string | null; days: number | null }

/** Not updated in time: never published, or longer ago than the standard allows. */
export const isStale = (days: number | null, maxDays: number) => days === null || days > maxDays;

/** The day in China of an instant, so "days since" counts calendar days where the readers are. */
const cnDay = (instant: string) => new Date(Date.parse(instant) + 8 * 3600_000).toISOString().slice(0, 10);

export function createFreshness(deps: { db: Kysely<Database>; repo: ContentRepo; clock: Clock }) {
  const { db, repo, clock } = deps;
  const daysSince = (last: string | null) => (last === null ? null : Math.max(0, daysBetween(cnDay(last), todayCn(clock))));

  return {
    daysSince,
    /** The threshold the current published standard sets for columnFresh checks. */
    async maxDays(): Promise<number> {
      const row = await currentStandard(db);
      if (!row) return COLUMN_FRESH_DEFAULT_DAYS;
      const pack = JSON.parse(row.content) as { requirements?: { checks?: { type: string; params?: { maxDays?: unknown } }[] }[] };
      const days = (pack.requirements ?? []).flatMap((r) => r.checks ?? [])
        .filter((c) => c.type === 'columnFresh' && typeof c.params?.maxDays === 'number').map((c) => c.params!.maxDays as number);
      return days.length ? Math.min(...days) : COLUMN_FRESH_DEFAULT_DAYS;
    },
    /** The org's column and the days since its last publication; null when the org runs no column. */
    async columnFreshness(orgId: number): Promise<Freshness | null> {
      const column = await repo.columnByOrg(orgId);
      if (!column) return null;
      const last = (await repo.lastPublished([column.id], iso(clock.now()))).get(column.id) ?? null;
      return { columnId: column.id, lastPublishedAt: last, days: daysSince(last) };
    },
  };
}
export type FreshnessService = ReturnType<typeof createFreshness>;
