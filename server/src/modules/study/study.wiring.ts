// The study module's services with their dependencies (services.ts spreads these in).
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/types.js';
import type { Access } from '../../platform/access.js';
import type { Audit } from '../../platform/audit.js';
import type { Storage } from '../../platform/storage.js';
import type { Clock } from '../../platform/clock.js';
import { createStudyMaterials } from './study.materials.js';
import { createStudyService } from './study.service.js';
import { createStudyStats } from './study.stats.js';

export function createStudyServices(deps: { db: Kysely<Database>; storage: Storage; access: Access; audit: Audit; clock: Clock }) {
  const studyMaterials = createStudyMaterials(deps);
  return {
    studyMaterials,
    study: createStudyService({ db: deps.db, materials: studyMaterials, access: deps.access, audit: deps.audit, clock: deps.clock }),
    studyStats: createStudyStats(deps),
  };
}
