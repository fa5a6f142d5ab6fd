// Test fixture: the Jinhua pack alone, synced as the published standard (the sample packs stay out of the way).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestContext } from './context.js';
import { syncShippedPacks } from '../src/modules/standard/standard.service.js';
import { STANDARDS_DIR } from '../src/modules/standard/standard.pack.js';

/** Syncs standards/jinhua-2015.json only and answers its standard version id. */
export async function syncJinhua(ctx: TestContext): Promise<number> {
  const db = ctx.services.db.kysely;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhendi-packs-'));
  try {
    fs.copyFileSync(path.join(STANDARDS_DIR, 'jinhua-2015.json'), path.join(dir, 'jinhua-2015.json'));
    await syncShippedPacks(db, ctx.clock, { dir });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return (await db.selectFrom('standard_version').select('id').where('pack_id', '=', 'jinhua-2015').executeTakeFirstOrThrow()).id;
}
