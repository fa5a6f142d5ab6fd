// A fresh, migrated database for each test file: a SQLite temp file, or a new PostgreSQL database when
// ZHENDI_TEST_PG_URL points at a server (CI starts a throwaway cluster). No fakes.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDb, type Db } from '../src/platform/db/connect.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';

export interface TestDb { db: Db; dataDir: string; url: string | null; drop(): Promise<void> }

export async function freshDb(): Promise<TestDb> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhendi-test-'));
  const admin = process.env.ZHENDI_TEST_PG_URL;
  if (!admin) {
    const db = openDb({ databaseUrl: null, dataDir });
    await migrateToLatest(db);
    return { db, dataDir, url: null, async drop() { await db.close(); fs.rmSync(dataDir, { recursive: true, force: true }); } };
  }
  const name = `zt_${crypto.randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`create database ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const db = openDb({ databaseUrl: url.toString(), dataDir });
  await migrateToLatest(db);
  return {
    db, dataDir, url: url.toString(),
    async drop() {
      await db.close();
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
