// Self-assessment, submission, review with return and rectification, and inspection. Every write checks the
// actor, the campaign and the state, runs in one transaction with the summaries, an event and an audit entry.
import type { Kysely, Transaction } from 'kysely';
import type { Static } from 'typebox';
import type { Database } from '../../platform/db/types.js';
import type { Actor } from '../../platform/actor.js';
import type { Access } from '../../platform/access.js';
import type { Audit } from '../../platform/audit.js';
import { type Clock, addDays, iso } from '../../platform/clock.js';
import { badInput, conflict, notFound } from '../../platform/errors.js';
import {
  ASSESSMENT_STATUS_LABELS, type Assessment, type AssessmentStatus, type InspectionBody, type ItemAnswerBody,
  type ReviewBody, type SubmitBody,
} from '../../../../contracts/assessment.js';
import type { OrgRepo } from '../org/org.repo.js';
import type { Summary } from './assessment.summary.js';
import type { AssessmentRepo, ItemPatch } from './assessment.repo.js';
import { type AssessmentContext, type ContextLoader, failedNow, failedOf, stateOf } from './assessment.context.js';
import { presentAssessment } from './assessment.presenter.js';
import { canMove, finalResult, isEditable, submitProblems, type ItemState } from './assessment.rules.js';

const ADMIN_ROLES = ['work_committee_admin', 'org_admin'];

export function createAssessmentService(deps: {
  db: Kysely<Database>; repo: AssessmentRepo; load: ContextLoader; orgs: OrgRepo; summary: Summary; access: Access; audit: Audit; clock: Clock;
}) {
  const { db, repo, load, orgs, summary, access, audit, clock } = deps;
  const isOwnAdmin = (actor: Actor, orgId: number) => ADMIN_ROLES.includes(actor.role) && actor.orgId === orgId;
  const isReviewer = (actor: Actor, ctx: AssessmentContext) => ADMIN_ROLES.includes(actor.role) && ctx.a.parent_org_id !== null && actor.orgId === ctx.a.parent_org_id;

  async function canFor(actor: Actor, ctx: AssessmentContext): Promise<Assessment['can']> {
    const open = ctx.campaign.status === 'active';
    const status = ctx.a.status as AssessmentStatus;
    const edit = open && isEditable(status) && isOwnAdmin(actor, ctx.org.id) && ctx.tier !== null;
    return {
      edit, submit: edit,
      review: open && status === 'submitted' && isReviewer(actor, ctx),
      inspect: open && (await access.can(actor, 'assessment.inspect', ctx.org.id)),
    };
  }

  async function view(actor: Actor, id: number): Promise<Assessment> {
    const ctx = await load(id);
    const [path, evidence, inspections, events, can] = await Promise.all([
      orgs.ancestors(ctx.org.id), repo.evidence(id), repo.inspections(id), repo.events(id), canFor(actor, ctx),
    ]);
    return presentAssessment(ctx, { path, evidence, inspections, events, can });
  }

  /** Readable by the org's own admins and every ancestor's (the reviewer, the work committee). */
  async function readable(actor: Actor, id: number): Promise<AssessmentContext> {
    const ctx = await load(id);
    await access.require(actor, 'assessment.read', ctx.org.id);
    return ctx;
  }

  /** The org's own admin, an open campaign and a state the org may change. */
  async function editable(actor: Actor, id: number): Promise<AssessmentContext> {
    const ctx = await load(id);
    await access.require(actor, 'assessment.write', ctx.org.id);
    if (!isOwnAdmin(actor, ctx.org.id)) await access.deny(actor, 'assessment.write', { type: 'assessment', id }, '只有本组织的管理员可以填写自评');
    if (ctx.campaign.status !== 'active') throw badInput('该专项工作已结束，不能再修改');
    const status = ctx.a.status as AssessmentStatus;
    if (!isEditable(status)) throw badInput(`自评${ASSESSMENT_STATUS_LABELS[status]}，不能修改`);
    if (ctx.tier === null) throw badInput('尚未确定阵地类别：请先在“阵地档案”中填写党员活动室情况');
    return ctx;
  }

  const event = (actor: Actor, ctx: AssessmentContext, action: string, to: AssessmentStatus | null, detail: string) => ({
    assessment_id: ctx.a.id, action, from_status: to ? ctx.a.status : null, to_status: to, detail,
    actor_id: actor.accountId, actor_name: actor.displayName, at: iso(clock.now()),
  });

  /**
   * Writes item rows (answers, automatic results, failed flags) and keeps the summaries in step: the failed
   * counts per requirement, the assessment's tier (it follows the base profile while the org works on it)
   * and, when `to` is given, its status. Answers false when an optimistic lock failed.
   */
  async function write(trx: Transaction<Database>, actor: Actor, ctx: AssessmentContext, changes: { code: string; expected: number | null; patch: ItemPatch; state: Partial<ItemState> }[], to: { status: AssessmentStatus; expected: number | null; patch?: Record<string, unknown> } | null) {
    const now = iso(clock.now());
    const deltas = new Map<string, number>();
    let failedCount = ctx.a.failed_count;
    for (const c of changes) {
      const before = failedNow(ctx, c.code);
      const after = failedOf(stateOf(ctx, c.code, c.state));
      const auto = ctx.auto.get(c.code) ?? null;
      const ok = await repo.saveItem(trx, ctx.a.id, c.code, c.expected, {
        auto_outcome: auto?.outcome ?? null, auto_detail: auto ? JSON.stringify(auto) : null, failed: after, ...c.patch,
      });
      if (!ok) throw conflict('该项已被他人修改，请刷新后重试');
      if (after !== before) { deltas.set(c.code, after - before); failedCount += after - before; }
    }
    await summary.failed(trx, ctx.campaign.id, ctx.org.id, deltas);
    const status = to?.status ?? (ctx.a.status === 'not_started' && changes.length > 0 ? 'in_progress' : ctx.a.status as AssessmentStatus);
    if (status !== ctx.a.status && !canMove(ctx.a.status as AssessmentStatus, status)) throw badInput(`不能从“${ASSESSMENT_STATUS_LABELS[ctx.a.status as AssessmentStatus]}”变为“${ASSESSMENT_STATUS_LABELS[status]}”`);
    const ok = await repo.update(trx, ctx.a, to?.expected ?? null, { status, tier: ctx.tier, failed_count: failedCount, updated_at: now, ...(to?.patch ?? {}) });
    if (!ok) throw conflict(to?.expected != null ? '自评已被他人处理，请刷新后重试' : '自评已被他人修改，请刷新后重试');
    await summary.move(trx, ctx.campaign.id, ctx.org.id, { tier: ctx.a.tier, status: ctx.a.status }, { tier: ctx.tier, status }, ctx.today);
    if (status === 'in_progress' && ctx.a.status === 'not_started') await repo.addEvent(trx, event(actor, ctx, 'start', 'in_progress', '开始自评'));
    if (ctx.tier !== ctx.a.tier && ctx.a.tier !== null) {
      await repo.addEvent(trx, event(actor, ctx, 'tier', null, `阵地档案变化，适用类别由 ${ctx.a.tier} 类变为 ${ctx.tier ?? '未定'} 类`));
    }
  }

  const requirementOf = (ctx: AssessmentContext, code: string) => {
    const r = ctx.requirements.find((x) => x.code === code);
    if (!r) throw notFound('该类阵地的要求');
    return r;
  };
  /** Every requirement's row as it should be stored at a state change (automatic results frozen). */
  const allItems = (ctx: AssessmentContext, extra: (code: string) => { patch: ItemPatch; state: Partial<ItemState> } = () => ({ patch: {}, state: {} })) =>
    ctx.requirements.map((r) => ({ code: r.code, expected: null, ...extra(r.code) }));

  return {
    get: async (actor: Actor, id: number) => { await readable(actor, id); return view(actor, id); },

    async mine(actor: Actor) {
      if (actor.orgId === null || !ADMIN_ROLES.includes(actor.role)) return { own: [], toReview: [] };
      const own = await repo.ownOpen(actor.orgId);
      const result = [];
      for (const o of own) {
        const v = await view(actor, o.id);
        result.push({ id: o.id, campaignTitle: o.title, deadline: o.deadline, orgName: o.org_name, status: v.status, rectificationDeadline: v.rectificationDeadline, todo: v.progress.todo, total: v.progress.total });
      }
      const review = await repo.toReview(actor.orgId);
      return {
        own: result,
        toReview: review.map((r) => ({ id: r.id, campaignTitle: r.title, orgName: r.org_name, status: r.status as AssessmentStatus, submittedAt: r.submitted_at })),
      };
    },

    async answer(actor: Actor, id: number, code: string, body: Static<typeof ItemAnswerBody>) {
      const ctx = await editable(actor, id);
      requirementOf(ctx, code);
      const naReason = body.naReason?.trim() || null;
      if (body.selfResult === 'na' && (!naReason || naReason.length < 2)) {
        throw badInput('选择“不适用”须说明原因', [{ field: 'naReason', message: '请填写不适用的原因（2 至 200 字）' }]);
      }
      const note = body.note === undefined ? ctx.rows.get(code)?.note ?? null : body.note?.trim() || null;
      const now = iso(clock.now());
      await db.transaction().execute(async (trx) => {
        await write(trx, actor, ctx, [{
          code, expected: body.version,
          patch: { self_result: body.selfResult, na_reason: body.selfResult === 'na' ? naReason : null, note, updated_by: actor.accountId, updated_by_name: actor.displayName, updated_at: now },
          state: { selfResult: body.selfResult, updatedAt: now },
        }], null);
        await audit.record(actor, { action: 'assessment.answer', targetType: 'assessment', targetId: id, orgId: ctx.org.id, detail: { code, result: body.selfResult } }, trx);
      });
      return view(actor, id);
    },

    /** Evidence was added or removed: the item counts as touched (a returned item is being dealt with). */
    async touched(trx: Transaction<Database>, actor: Actor, ctx: AssessmentContext, code: string, evidenceDelta: number) {
      const now = iso(clock.now());
      await write(trx, actor, ctx, [{
        code, expected: null, patch: { updated_by: actor.accountId, updated_by_name: actor.displayName, updated_at: now },
        state: { evidenceCount: (ctx.evidenceCounts.get(code) ?? 0) + evidenceDelta, updatedAt: now },
      }], null);
    },
    editable,
    requirementOf,
    view,

    async refreshChecks(actor: Actor, id: number) {
      const ctx = await editable(actor, id);
      await db.transaction().execute(async (trx) => {
        await write(trx, actor, ctx, allItems(ctx).filter((c) => ctx.auto.get(c.code) || ctx.rows.has(c.code)), null);
        await audit.record(actor, { action: 'assessment.check', targetType: 'assessment', targetId: id, orgId: ctx.org.id }, trx);
      });
      return view(actor, id);
    },

    async submit(actor: Actor, id: number, body: Static<typeof SubmitBody>) {
      const ctx = await editable(actor, id);
      if (ctx.a.version !== body.version) throw conflict('自评已被他人修改，请刷新后重试');
      const problems = submitProblems(ctx.requirements.map((r) => ({ req: r, state: stateOf(ctx, r.code) })), ctx.a.reviewed_at);
      if (problems.length) throw badInput('还不能提交审核', problems.map((message) => ({ message })));
      const now = iso(clock.now());
      await db.transaction().execute(async (trx) => {
        await write(trx, actor, ctx, allItems(ctx), { status: 'submitted', expected: body.version, patch: { submitted_at: now } });
        const again = ctx.a.status === 'returned';
        await repo.addEvent(trx, event(actor, ctx, 'submit', 'submitted', again ? '整改完成，重新提交审核' : '提交审核'));
        await audit.record(actor, { action: 'assessment.submit', targetType: 'assessment', targetId: id, orgId: ctx.org.id, detail: { again } }, trx);
      });
      return view(actor, id);
    },

    async review(actor: Actor, id: number, body: ReviewBody) {
      const ctx = await load(id);
      await access.require(actor, 'assessment.review', ctx.org.id);
      if (!isReviewer(actor, ctx)) await access.deny(actor, 'assessment.review', { type: 'assessment', id }, '只有上级党组织的管理员可以审核');
      if (ctx.campaign.status !== 'active') throw badInput('该专项工作已结束');
      // The version first: a second reviewer working from the same page hears that someone else decided (409).
      if (ctx.a.version !== body.version) throw conflict('其他审核人已处理该自评，请刷新后查看');
      if (ctx.a.status !== 'submitted') throw badInput(`自评${ASSESSMENT_STATUS_LABELS[ctx.a.status as AssessmentStatus]}，不在待审核状态`);
      const comment = body.comment?.trim() || null;
      const returned = new Map((body.returned ?? []).map((r) => [r.code, r.comment.trim()]));
      for (const code of returned.keys()) requirementOf(ctx, code);
      let deadline: string | null = null;
      if (body.decision === 'accept') {
        if (returned.size > 0) throw badInput('验收通过时不能有退回的项目', [{ field: 'returned', message: '请取消退回或选择“退回整改”' }]);
        // Acceptance means the base meets the standard: no required item may stand as not met.
        const notMet = ctx.requirements.filter((r) => r.required && finalResult(stateOf(ctx, r.code)) === 'not_met');
        if (notMet.length) {
          throw badInput(`仍有 ${notMet.length} 项必选要求未达标，不能验收通过，请退回整改`, notMet.slice(0, 10).map((r) => ({ field: 'returned', message: `${r.code} ${r.title}` })));
        }
      } else {
        if (returned.size === 0) throw badInput('退回整改须至少选择一项并写明整改意见', [{ field: 'returned', message: '请选择要退回的项目' }]);
        deadline = body.rectificationDeadline ?? null;
        if (!deadline) throw badInput('请填写整改期限', [{ field: 'rectificationDeadline', message: '请选择整改期限' }]);
        if (deadline < ctx.today) throw badInput('整改期限不能早于今天', [{ field: 'rectificationDeadline', message: `请选择 ${ctx.today} 或以后的日期` }]);
      }
      const now = iso(clock.now());
      const to: AssessmentStatus = body.decision === 'accept' ? 'accepted' : 'returned';
      await db.transaction().execute(async (trx) => {
        await write(trx, actor, ctx, allItems(ctx, (code) => {
          const back = returned.get(code);
          return back !== undefined
            ? { patch: { review_result: 'returned', review_comment: back }, state: { reviewResult: 'returned', reviewComment: back } }
            : { patch: { review_result: 'accepted', review_comment: null }, state: { reviewResult: 'accepted', reviewComment: null } };
        }), {
          status: to, expected: body.version,
          patch: { reviewed_at: now, review_comment: comment, rectification_deadline: deadline, accepted_at: to === 'accepted' ? now : null },
        });
        const titles = [...returned.keys()].map((c) => requirementOf(ctx, c).title);
        const detail = to === 'accepted' ? `验收通过${comment ? `：${comment}` : ''}`
          : `退回整改 ${titles.length} 项（${titles.slice(0, 5).join('、')}${titles.length > 5 ? ' 等' : ''}），整改期限 ${deadline}${comment ? `；${comment}` : ''}`;
        await repo.addEvent(trx, event(actor, ctx, to === 'accepted' ? 'accept' : 'return', to, detail));
        await audit.record(actor, { action: 'assessment.review', targetType: 'assessment', targetId: id, orgId: ctx.org.id, detail: { decision: body.decision, returned: [...returned.keys()], deadline } }, trx);
      });
      return view(actor, id);
    },

    async inspect(actor: Actor, id: number, body: Static<typeof InspectionBody>) {
      const ctx = await load(id);
      await access.require(actor, 'assessment.inspect', ctx.org.id);
      if (ctx.campaign.status !== 'active') throw badInput('该专项工作已结束');
      if (ctx.tier === null) throw badInput('该组织尚未确定阵地类别，无法对照要求督查');
      if (body.inspectedOn > ctx.today) throw badInput('督查日期不能晚于今天', [{ field: 'inspectedOn', message: `请选择 ${ctx.today} 或以前的日期` }]);
      const findings = new Map<string, { result: 'met' | 'not_met'; note: string | null }>();
      for (const f of body.findings) {
        requirementOf(ctx, f.code);
        if (findings.has(f.code)) throw badInput('同一项要求只能有一条督查结论', [{ field: 'findings', message: f.code }]);
        findings.set(f.code, { result: f.result, note: f.note?.trim() || null });
      }
      const failing = [...findings].filter(([, f]) => f.result === 'not_met');
      // An accepted base found lacking on site goes back to rectification.
      const reopen = ctx.a.status === 'accepted' && failing.length > 0;
      const now = iso(clock.now());
      const inspectionId = await db.transaction().execute(async (trx) => {
        const ins = await trx.insertInto('inspection').values({
          assessment_id: id, inspected_on: body.inspectedOn, summary: body.summary.trim(),
          findings: JSON.stringify([...findings].map(([code, f]) => ({ code, ...f }))), inspector_id: actor.accountId,
          inspector_name: actor.displayName, created_at: now,
        }).returning('id').executeTakeFirstOrThrow();
        await write(trx, actor, ctx, [...findings].map(([code, f]) => {
          const back = reopen && f.result === 'not_met';
          return {
            code, expected: null,
            patch: { inspection_result: f.result, inspection_note: f.note, ...(back ? { review_result: 'returned', review_comment: `督查发现：${f.note ?? '未达标'}` } : {}) },
            state: { inspectionResult: f.result, ...(back ? { reviewResult: 'returned' as const } : {}) },
          };
        }), reopen ? {
          status: 'returned', expected: null,
          patch: { rectification_deadline: addDays(ctx.today, 30), review_comment: `督查发现 ${failing.length} 项未达标，请整改`, reviewed_at: now, accepted_at: null },
        } : null);
        const overturned = [...findings].filter(([code, f]) => {
          const self = stateOf(ctx, code).selfResult;
          return self !== null && self !== f.result;
        }).length;
        await repo.addEvent(trx, event(actor, ctx, 'inspect', reopen ? 'returned' : null,
          `督查（${body.inspectedOn}）：核实 ${findings.size} 项，其中未达标 ${failing.length} 项${overturned ? `，改变自评结论 ${overturned} 项` : ''}${reopen ? '，转入整改' : ''}`));
        await audit.record(actor, { action: 'assessment.inspect', targetType: 'assessment', targetId: id, orgId: ctx.org.id, detail: { inspection: ins.id, findings: findings.size, notMet: failing.length } }, trx);
        return ins.id;
      });
      return { id: inspectionId, assessment: await view(actor, id) };
    },
  };
}
export type AssessmentService = ReturnType<typeof createAssessmentService>;
