// The wall display and screensaver services with their dependencies (services.ts spreads these in).
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/types.js';
import type { Access } from '../../platform/access.js';
import type { Audit } from '../../platform/audit.js';
import type { Clock } from '../../platform/clock.js';
import { createDisplayService } from './display.service.js';
import { createSlidesService } from './slides.service.js';

export function createDisplayServices(deps: { db: Kysely<Database>; access: Access; audit: Audit; clock: Clock }) {
  return { display: createDisplayService(deps), slides: createSlidesService(deps) };
}
