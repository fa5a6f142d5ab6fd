// Kysely Migrator over a static list: one file per change, never edited after landing.
import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './connect.js';
import * as m0001 from './migrations/0001_foundation.js';
import * as m0002 from './migrations/0002_standards.js';
import * as m0003 from './migrations/0003_base-profiles.js';
import * as m0004 from './migrations/0004_assessments.js';
import * as m0005 from './migrations/0005_content.js';
import * as m0006 from './migrations/0006_notices.js';
import * as m0007 from './migrations/0007_study-display.js';
import * as m0008 from './migrations/0008_search.js';
import * as m0009 from './migrations/0009_member-status-counts.js';
import * as m0010 from './migrations/0010_reminder-deliveries.js';

const MIGRATIONS: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_standards': m0002,
  '0003_base-profiles': m0003,
  '0004_assessments': m0004,
  '0005_content': m0005,
  '0006_notices': m0006,
  '0007_study-display': m0007,
  '0008_search': m0008,
  '0009_member-status-counts': m0009,
  '0010_reminder-deliveries': m0010,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db: db.kysely, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Undoes the newest migration, or (with `before`) every migration from that one on. */
export async function migrateDown(db: Db, before?: string): Promise<void> {
  const migrator = new Migrator({ db: db.kysely, provider });
  const names = Object.keys(MIGRATIONS);
  const target = before === undefined ? undefined : names[names.indexOf(before) - 1];
  if (before !== undefined && target === undefined) throw new Error(`unknown migration or nothing before it: ${before}`);
  const { error } = target === undefined ? await migrator.migrateDown() : await migrator.migrateTo(target);
  if (error) throw error instanceof Error ? error : new Error(String(error));
}
