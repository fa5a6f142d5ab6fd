// The content services share one repo and one freshness reader: wired here, spread into services.ts.
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/types.js';
import type { Access } from '../../platform/access.js';
import type { Audit } from '../../platform/audit.js';
import type { Storage } from '../../platform/storage.js';
import type { Clock } from '../../platform/clock.js';
import { createContentRepo } from './content.repo.js';
import { createFreshness } from './content.freshness.js';
import { createContentService } from './content.service.js';
import { createSiteService } from '../../public/site.service.js';
import { createSiteCache } from '../../public/site.cache.js';

export function createContentServices(deps: { db: Kysely<Database>; storage: Storage; access: Access; audit: Audit; clock: Clock }) {
  const { db, storage, access, audit, clock } = deps;
  const repo = createContentRepo(db);
  const freshness = createFreshness({ db, repo, clock });
  const siteCache = createSiteCache(clock);
  return {
    /** `columnFreshness(orgId)` for the assessment's automatic check (columnFresh). */
    contentFreshness: freshness,
    content: createContentService({ db, repo, freshness, storage, access, audit, clock, publicChanged: siteCache.clear }),
    site: createSiteService({ db, repo, storage, clock }),
    /** Rendered public pages for a few seconds; content writes clear it. */
    siteCache,
  };
}
