// Member import from .xlsx: upload -> streamed check with a preview of every problem -> all-or-nothing commit.
// Progress of the running phase is kept in memory on the process doing the work (a SQLite transaction
// holds the only connection, so it cannot be written to the job row mid-way); the row gets each phase's result.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Kysely, Transaction } from 'kysely';
import type { Database, ImportJobRow, NewMember, OrgRow } from '../../platform/db/types.js';
import type { Actor } from '../../platform/actor.js';
import type { Access } from '../../platform/access.js';
import type { Audit } from '../../platform/audit.js';
import type { Cipher } from '../../platform/crypto.js';
import { type Clock, iso, todayCn } from '../../platform/clock.js';
import { AppError, badInput, notFound } from '../../platform/errors.js';
import type { OrgRepo } from '../org/org.repo.js';
import type { MemberRepo } from './member.repo.js';
import { assertCompleteXlsxFile, readMemberRows } from './member.xlsx.js';
import { validateImportRow } from './member.import-row.js';
import { memberColumns } from './member.rules.js';
import { normalizeText } from './member.normalize.js';
import type { ImportJob, ImportProblem } from '../../../../contracts/schemas.js';
import type { ImportStatus } from '../../../../contracts/enums.js';
import { FIELD_LABELS } from '../../../../contracts/labels.js';
import { IMPORT_MAX_ROWS, MEMBER_XLSX_COLUMNS } from '../../../../contracts/limits.js';

const MAX_PROBLEMS_KEPT = 1000;
const BATCH = 500;
const HEADER_OF_FIELD: Record<string, string> = Object.fromEntries(MEMBER_XLSX_COLUMNS.map((c) => [c.key, c.header]));

interface Live { processed: number; progress: number; inserted: number }
interface Scan { total: number; valid: number; problems: ImportProblem[]; problemCount: number; preview: ImportJob['preview']; orgIds: Set<number> }

export function createImportService(deps: {
  db: Kysely<Database>; orgs: OrgRepo; members: MemberRepo; access: Access; audit: Audit; cipher: Cipher; clock: Clock; dataDir: string;
}) {
  const { db, orgs, members, access, audit, cipher, clock } = deps;
  const dir = path.join(deps.dataDir, 'imports');
  const live = new Map<number, Live>();

  function present(j: ImportJobRow): ImportJob {
    const l = live.get(j.id);
    return {
      id: j.id, status: j.status as ImportStatus, fileName: j.file_name, totalRows: j.total_rows,
      processedRows: l?.processed ?? j.processed_rows, progress: l?.progress ?? (j.status === 'done' || j.status === 'previewed' ? 100 : 0),
      validRows: j.valid_rows, problemCount: j.problem_count, problems: JSON.parse(j.problems), preview: JSON.parse(j.preview),
      insertedRows: l?.inserted ?? j.inserted_rows, error: j.error, createdAt: j.created_at,
    };
  }
  async function loadOwn(actor: Actor, id: number) {
    const j = await db.selectFrom('import_job').selectAll().where('id', '=', id).executeTakeFirst();
    if (!j) throw notFound('导入任务');
    if (j.account_id !== actor.accountId) await access.deny(actor, 'member.import', { type: 'import_job', id });
    return j;
  }
  const setJob = (id: number, patch: Partial<ImportJobRow>) =>
    db.updateTable('import_job').set({ ...patch, updated_at: iso(clock.now()) }).where('id', '=', id).execute();

  /** Reads the file once, checking every row; `onBatch` receives valid rows (inside the commit's transaction). */
  async function scan(job: ImportJobRow, q: Kysely<Database> | Transaction<Database>, onBatch?: (rows: NewMember[]) => Promise<void>): Promise<Scan> {
    const state = live.get(job.id)!;
    const size = fs.statSync(job.file_path!).size || 1;
    let bytes = 0;
    const counter = new Transform({ transform(chunk, _e, cb) { bytes += chunk.length; state.progress = Math.min(99, Math.floor((bytes / size) * 100)); cb(null, chunk); } });
    await assertCompleteXlsxFile(job.file_path!); // a corrupt ZIP would leave exceljs temp files behind
    const input = fs.createReadStream(job.file_path!).pipe(counter);
    const today = todayCn(clock);
    const result: Scan = { total: 0, valid: 0, problems: [], problemCount: 0, preview: [], orgIds: new Set() };
    const orgCache = new Map<string, OrgRow | string>();
    const seen = new Map<string, number>(); // id hash -> first row, for duplicates inside the file
    let pending: { row: number; rec: NewMember }[] = [];
    const now = iso(clock.now());
    const problem = (p: ImportProblem) => {
      result.problemCount++;
      if (result.problems.length < MAX_PROBLEMS_KEPT) result.problems.push(p);
    };
    // Every org of the import's scope, by normalized name, short name and code: full-width brackets,
    // stray spaces and the like in either the file or the database then still match.
    const byKey = new Map<string, OrgRow[]>();
    for (const o of await orgs.subtree(job.org_id, q)) {
      for (const k of new Set([o.name, o.short_name, o.code].filter((x): x is string => !!x).map((x) => normalizeText(x)))) {
        byKey.set(k, [...(byKey.get(k) ?? []), o]);
      }
    }
    const byId = new Map([...byKey.values()].flat().map((o) => [o.id, o]));
    function resolveOrg(text: string): OrgRow | string {
      const key = normalizeText(text);
      const cached = orgCache.get(key);
      if (cached !== undefined) return cached;
      const parts = key.split(/\s*[/>]\s*/).filter(Boolean);
      const last = parts[parts.length - 1] ?? key;
      let found = byKey.get(last) ?? [];
      if (found.length > 1 && parts.length > 1) {
        const parentKey = parts[parts.length - 2];
        found = found.filter((o) => {
          const p = o.parent_id === null ? undefined : byId.get(o.parent_id);
          return p !== undefined && [p.name, p.short_name, p.code].some((x) => x && normalizeText(x) === parentKey);
        });
      }
      let answer: OrgRow | string;
      if (found.length === 0) answer = `在导入范围内找不到组织“${key}”`;
      else if (found.length > 1) answer = `组织名称“${key}”不唯一，请填写组织编码或“上级组织/本组织”`;
      else if (found[0].type === 'work_committee') answer = '党员不能直接编入机关工委，请填写所在党支部';
      else answer = found[0];
      orgCache.set(key, answer);
      return answer;
    }
    async function flush() {
      if (pending.length === 0) return;
      const existing = await members.existingHashes(pending.map((p) => p.rec.id_number_hash), q);
      const good: NewMember[] = [];
      for (const p of pending) {
        if (existing.has(p.rec.id_number_hash)) {
          problem({ row: p.row, column: '身份证号', value: p.rec.id_number_masked, message: '该身份证号已在系统中登记' });
        } else good.push(p.rec);
      }
      result.valid += good.length;
      if (onBatch && result.problemCount === 0) await onBatch(good);
      pending = [];
    }

    for await (const ev of readMemberRows(input as unknown as Readable, { maxRows: IMPORT_MAX_ROWS })) {
      if (ev.type === 'headerProblems') { ev.problems.forEach(problem); break; }
      result.total++;
      state.processed = result.total;
      const { value, problems } = validateImportRow(ev.row, ev.cells, { today });
      problems.forEach(problem);
      if (!value) continue;
      const org = resolveOrg(value.orgText);
      if (typeof org === 'string') { problem({ row: ev.row, column: '所在党组织', value: value.orgText, message: org }); continue; }
      let cols;
      try {
        cols = memberColumns(value, cipher, today);
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        for (const d of e.details ?? [{ message: e.message }]) {
          problem({ row: ev.row, column: HEADER_OF_FIELD[d.field ?? ''] ?? FIELD_LABELS[d.field ?? ''] ?? '', value: '', message: d.message });
        }
        continue;
      }
      const first = seen.get(cols.id_number_hash);
      if (first !== undefined) { problem({ row: ev.row, column: '身份证号', value: cols.id_number_masked, message: `与第 ${first} 行的身份证号重复` }); continue; }
      seen.set(cols.id_number_hash, ev.row);
      result.orgIds.add(org.id);
      if (result.preview.length < 20) {
        result.preview.push({ row: ev.row, name: cols.name, idNumberMasked: cols.id_number_masked, orgName: org.name, category: cols.category === 'probationary' ? '预备党员' : '正式党员' });
      }
      pending.push({ row: ev.row, rec: { ...cols, org_id: org.id, root_id: org.root_id, status: 'active', created_at: now, updated_at: now, version: 1 } });
      if (pending.length >= BATCH) await flush();
    }
    await flush();
    result.problems.sort((a, b) => a.row - b.row);
    return result;
  }

  async function runScan(job: ImportJobRow) {
    try {
      const r = await scan(job, db);
      await setJob(job.id, {
        status: 'previewed', total_rows: r.total, processed_rows: r.total, valid_rows: r.valid, problem_count: r.problemCount,
        problems: JSON.stringify(r.problems), preview: JSON.stringify(r.preview),
      });
    } catch (e) {
      await setJob(job.id, { status: 'failed', error: e instanceof Error ? e.message : '文件读取失败' });
      removeFile(job);
    } finally {
      live.delete(job.id);
    }
  }

  async function runCommit(actor: Actor, job: ImportJobRow) {
    const state = live.get(job.id)!;
    try {
      const r = await db.transaction().execute(async (trx) => {
        const scanned = await scan(job, trx, async (rows) => {
          await members.insertMany(trx, rows);
          state.inserted += rows.length;
        });
        if (scanned.problemCount > 0) {
          throw badInput(`导入前复核发现 ${scanned.problemCount} 个问题（数据可能已被他人修改），未导入任何数据，请重新上传`);
        }
        await orgs.refreshMemberCounts(trx, [...scanned.orgIds]);
        await audit.record(actor, { action: 'member.import', targetType: 'import_job', targetId: job.id, orgId: job.org_id, detail: { file: job.file_name, rows: state.inserted } }, trx);
        return scanned;
      });
      await setJob(job.id, { status: 'done', inserted_rows: state.inserted, processed_rows: r.total });
    } catch (e) {
      await setJob(job.id, { status: 'failed', inserted_rows: 0, error: `${e instanceof Error ? e.message : '导入失败'}；未导入任何数据` });
      await audit.record(actor, { action: 'member.import', result: 'failed', targetType: 'import_job', targetId: job.id, orgId: job.org_id, detail: { file: job.file_name } });
    } finally {
      live.delete(job.id);
      removeFile(job);
    }
  }
  function removeFile(job: ImportJobRow) {
    if (job.file_path) fs.rm(job.file_path, { force: true }, () => undefined);
  }

  return {
    /** Saves the upload under a generated name and starts checking it; the answer comes at once. */
    async start(actor: Actor, orgId: number, fileName: string, file: Readable & { truncated?: boolean }) {
      await access.require(actor, 'member.import', orgId);
      const org = await orgs.byId(orgId);
      if (!org || org.status !== 'active') throw notFound('组织');
      if (!/\.xlsx$/i.test(fileName)) throw badInput('请上传 Excel 文件（.xlsx）；如为 .xls 格式，请先在 Excel 中另存为 .xlsx');
      fs.mkdirSync(dir, { recursive: true });
      const filePath = path.join(dir, `${crypto.randomUUID()}.xlsx`);
      await pipeline(file, fs.createWriteStream(filePath));
      if (file.truncated) { fs.rmSync(filePath, { force: true }); throw new AppError('PAYLOAD_TOO_LARGE', 413, '文件过大，请拆分后分批导入'); }
      const head = Buffer.alloc(4);
      const fd = fs.openSync(filePath, 'r');
      fs.readSync(fd, head, 0, 4, 0);
      fs.closeSync(fd);
      if (head.toString('latin1') !== 'PK\u0003\u0004') { // an .xlsx is a ZIP archive: judge by content, not by name
        fs.rmSync(filePath, { force: true });
        throw badInput('文件内容不是有效的 Excel（.xlsx）文件');
      }
      const now = iso(clock.now());
      const { id } = await db.insertInto('import_job').values({
        account_id: actor.accountId, org_id: orgId, status: 'parsing', file_name: path.basename(fileName).slice(0, 200), file_path: filePath,
        total_rows: 0, processed_rows: 0, valid_rows: 0, problem_count: 0, problems: '[]', preview: '[]', inserted_rows: 0, error: null,
        created_at: now, updated_at: now,
      }).returning('id').executeTakeFirstOrThrow();
      const job = (await db.selectFrom('import_job').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
      live.set(id, { processed: 0, progress: 0, inserted: 0 });
      void runScan(job);
      return present(job);
    },
    async get(actor: Actor, id: number) {
      return present(await loadOwn(actor, id));
    },
    async commit(actor: Actor, id: number) {
      const job = await loadOwn(actor, id);
      await access.require(actor, 'member.import', job.org_id);
      if (job.status !== 'previewed') throw badInput(job.status === 'done' ? '该文件已导入' : '该文件尚未完成校验或已失效');
      if (job.problem_count > 0) throw badInput(`文件中有 ${job.problem_count} 个问题，请修改后重新上传；导入要么全部成功，要么不导入`);
      if (job.valid_rows === 0) throw badInput('文件中没有可导入的数据');
      const r = await db.updateTable('import_job').set({ status: 'committing', updated_at: iso(clock.now()) })
        .where('id', '=', id).where('status', '=', 'previewed').executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) throw badInput('该文件正在导入');
      live.set(id, { processed: 0, progress: 0, inserted: 0 });
      void runCommit(actor, job);
      return present({ ...job, status: 'committing' });
    },
    /** For tests and shutdown: wait until no job of this process is running. */
    async idle() {
      while (live.size > 0) await new Promise((r) => setTimeout(r, 20));
    },
  };
}
export type ImportService = ReturnType<typeof createImportService>;
