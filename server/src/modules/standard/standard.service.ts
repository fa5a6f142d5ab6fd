// Standard packs as records: the shipped files are synced in as published at start-up; the work-committee
// admin views a version, clones it into a draft with a new version number, edits the draft and publishes it.
// Published versions never change: a new rule is a new version.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Static } from 'typebox';
import type { Database, StandardVersionRow } from '../../platform/db/types.js';
import type { Actor } from '../../platform/actor.js';
import type { Access } from '../../platform/access.js';
import type { Audit } from '../../platform/audit.js';
import { isUniqueViolation } from '../../platform/db/dialect.js';
import { type Clock, iso } from '../../platform/clock.js';
import { AppError, badInput, conflict, notFound } from '../../platform/errors.js';
import { SEMVER_PATTERN, type StandardPack } from '../../../../contracts/standard.js';
import type { StandardCloneBody, StandardPublishBody, StandardUpdateBody } from '../../../../contracts/schemas.js';
import { loadPack, StandardPackError, STANDARDS_DIR, validatePack, type PackProblem } from './standard.pack.js';
import { createStandardRepo, type StandardRepo } from './standard.repo.js';
import { presentStandardDetail, presentStandardSummary } from './standard.presenter.js';

const SEMVER = new RegExp(SEMVER_PATTERN);
const IMMUTABLE = '已发布的标准不能修改，请复制为新版本';

/** The fields of a row that come from the pack itself. */
function packColumns(pack: StandardPack) {
  return {
    pack_id: pack.pack.id, version: pack.pack.version, title: pack.pack.title,
    coverage_deadline: pack.pack.coverageDeadline, effective_from: pack.pack.effectiveFrom, content: JSON.stringify(pack),
  };
}

export interface SyncResult {
  /** 'jinhua-2015@1.0.0' for each pack inserted by this call. */
  inserted: string[];
  /** Files not inserted because they are not valid packs (or could not be read), with every problem. */
  rejected: { file: string; problems: PackProblem[] }[];
}

/**
 * Insert every valid pack file of `dir` (default: the repository's standards/) that is not yet a record
 * (by pack id and version), as published: shipped packs are the official ones. A bad file is skipped and
 * its problems logged; start-up never fails because of one. Calling it again changes nothing.
 */
export async function syncShippedPacks(
  db: Kysely<Database>, clock: Clock,
  opts: { dir?: string; log?: (message: string) => void } = {},
): Promise<SyncResult> {
  const dir = opts.dir ?? STANDARDS_DIR;
  const log = opts.log ?? ((m: string) => console.warn(m));
  const repo = createStandardRepo(db);
  const result: SyncResult = { inserted: [], rejected: [] };
  let names: string[];
  try {
    names = (await readdir(dir, { withFileTypes: true })).filter((d) => d.isFile() && d.name.endsWith('.json')).map((d) => d.name).sort();
  } catch (err) {
    log(`标准包目录 ${dir} 无法读取，未同步任何标准：${(err as Error).message}`);
    return result;
  }
  for (const name of names) {
    let pack: StandardPack;
    try {
      pack = await loadPack(path.join(dir, name));
    } catch (err) {
      const problems = err instanceof StandardPackError ? err.problems
        : [{ file: name, item: '标准包', path: '', message: `${name}：无法读取（${(err as Error).message}）` }];
      result.rejected.push({ file: name, problems });
      log(`标准包 ${name} 未导入，共 ${problems.length} 个问题：\n${problems.map((p) => `  ${p.message}`).join('\n')}`);
      continue;
    }
    if (await repo.byPackVersion(pack.pack.id, pack.pack.version)) continue;
    const now = iso(clock.now());
    try {
      await repo.insert(db, {
        // Official packs arrive published; a sample arrives as a draft, so it is never the current standard unasked.
        ...packColumns(pack), status: pack.pack.sample ? 'draft' : 'published', source_file: name, created_by: null, created_at: now,
        published_at: pack.pack.sample ? null : now, published_by: null, updated_at: now, row_version: 1,
      });
      result.inserted.push(`${pack.pack.id}@${pack.pack.version}`);
    } catch (err) {
      if (!isUniqueViolation(err)) throw err; // another process inserted it first, or two files share id and version
      log(`标准包 ${name}：${pack.pack.id} 的版本 ${pack.pack.version} 已存在，未重复导入`);
    }
  }
  return result;
}

export function createStandardService(deps: { db: Kysely<Database>; repo: StandardRepo; access: Access; audit: Audit; clock: Clock }) {
  const { db, repo, access, audit, clock } = deps;

  async function load(id: number): Promise<StandardVersionRow> {
    const row = await repo.byId(id);
    if (!row) throw notFound('标准版本');
    return row;
  }
  const label = (row: StandardVersionRow) => `${row.pack_id}@${row.version}`;
  /** The whole pack checked again, and its id and version bound to the record's. */
  function checkContent(row: StandardVersionRow, content: unknown): StandardPack {
    const pack = validatePack(content, label(row));
    const details: { field: string; message: string }[] = [];
    if (pack.pack.id !== row.pack_id) {
      details.push({ field: 'pack.id', message: `${label(row)}：标准信息 pack 的 id “${pack.pack.id}” 与本记录的 “${row.pack_id}” 不一致，id 不能修改` });
    }
    if (pack.pack.version !== row.version) {
      details.push({ field: 'pack.version', message: `${label(row)}：标准信息 pack 的 version “${pack.pack.version}” 与本记录的 “${row.version}” 不一致；要换版本号，请复制为新版本` });
    }
    if (details.length) throw new AppError('VALIDATION', 400, details.map((d) => d.message).join('\n'), details);
    return pack;
  }
  function requireDraft(row: StandardVersionRow) {
    if (row.status === 'published') throw badInput(IMMUTABLE);
    if (row.status !== 'draft') throw badInput('已停用的标准不能修改，请复制为新版本');
  }

  return {
    async list(actor: Actor) {
      await access.require(actor, 'standard.read');
      return (await repo.list()).map(presentStandardSummary);
    },
    async get(actor: Actor, id: number) {
      await access.require(actor, 'standard.read');
      return presentStandardDetail(await load(id));
    },
    async clone(actor: Actor, id: number, body: Static<typeof StandardCloneBody>) {
      await access.require(actor, 'standard.write');
      const source = await load(id);
      const newVersion = body.newVersion.trim();
      if (!SEMVER.test(newVersion)) throw badInput(`版本号“${newVersion}”格式不正确，应为 主版本.次版本.修订号，如 1.1.0`);
      const taken = () => conflict(`标准“${source.pack_id}”已有版本 ${newVersion}，请换一个版本号`);
      if (await repo.byPackVersion(source.pack_id, newVersion)) throw taken();
      const content = JSON.parse(source.content) as { pack: Record<string, unknown> };
      content.pack = { ...content.pack, version: newVersion };
      const now = iso(clock.now());
      try {
        const newId = await db.transaction().execute(async (trx) => {
          const created = await repo.insert(trx, {
            pack_id: source.pack_id, version: newVersion, title: source.title, status: 'draft', content: JSON.stringify(content),
            coverage_deadline: source.coverage_deadline, effective_from: source.effective_from, source_file: null,
            created_by: actor.accountId, created_at: now, published_at: null, published_by: null, updated_at: now, row_version: 1,
          });
          await audit.record(actor, {
            action: 'standard.clone', targetType: 'standard_version', targetId: created,
            detail: { from: label(source), to: `${source.pack_id}@${newVersion}` },
          }, trx);
          return created;
        });
        return presentStandardDetail(await load(newId));
      } catch (err) {
        if (isUniqueViolation(err)) throw taken();
        throw err;
      }
    },
    async update(actor: Actor, id: number, body: Static<typeof StandardUpdateBody>) {
      await access.require(actor, 'standard.write');
      const row = await load(id);
      requireDraft(row);
      if (row.row_version !== body.version) throw conflict();
      const pack = checkContent(row, body.content);
      await db.transaction().execute(async (trx) => {
        const ok = await repo.update(trx, id, body.version, { ...packColumns(pack), updated_at: iso(clock.now()) });
        if (!ok) throw conflict();
        await audit.record(actor, { action: 'standard.update', targetType: 'standard_version', targetId: id, detail: { standard: label(row) } }, trx);
      });
      return presentStandardDetail(await load(id));
    },
    async publish(actor: Actor, id: number, body: Static<typeof StandardPublishBody>) {
      await access.require(actor, 'standard.write');
      const row = await load(id);
      if (row.status === 'published') throw badInput('该标准版本已发布');
      requireDraft(row);
      if (row.row_version !== body.version) throw conflict();
      checkContent(row, JSON.parse(row.content));
      const now = iso(clock.now());
      await db.transaction().execute(async (trx) => {
        const ok = await repo.update(trx, id, body.version, { status: 'published', published_at: now, published_by: actor.accountId, updated_at: now });
        if (!ok) throw conflict();
        await audit.record(actor, { action: 'standard.publish', targetType: 'standard_version', targetId: id, detail: { standard: label(row) } }, trx);
      });
      return presentStandardDetail(await load(id));
    },
  };
}
export type StandardService = ReturnType<typeof createStandardService>;
