// Rows to the API's Assessment shape.
import type { EvidenceRow, InspectionRow } from '../../platform/db/types.js';
import type { Assessment, AssessmentItem, AssessmentStatus, Evidence } from '../../../../contracts/assessment.js';
import type { AssessmentContext } from './assessment.context.js';
import { stateOf } from './assessment.context.js';
import { effectiveSelf, finalResult, isEditable, itemTodo, returnPending } from './assessment.rules.js';

export function presentEvidence(e: EvidenceRow): Evidence {
  const file = e.kind !== 'link' && e.storage_key !== null;
  return {
    id: e.id, kind: e.kind as Evidence['kind'], name: e.name, url: e.url, mime: e.mime, size: e.size, width: e.width, height: e.height,
    takenOn: null, fileUrl: file ? `/api/evidence/${e.id}/file` : null, thumbUrl: e.thumb_key ? `/api/evidence/${e.id}/thumb` : null,
    createdBy: e.created_by_name, createdAt: e.created_at,
  };
}

export function presentAssessment(ctx: AssessmentContext, extra: {
  path: { id: number; name: string }[];
  evidence: EvidenceRow[];
  inspections: InspectionRow[];
  events: { id: number; action: string; from_status: string | null; to_status: string | null; detail: string; actor_name: string | null; at: string }[];
  can: Assessment['can'];
}): Assessment {
  const { a, campaign, std, org, tier } = ctx;
  const status = a.status as AssessmentStatus;
  const essentials = new Map(std.pack.essentials.map((e) => [e.code, e.name]));
  const platforms = new Map(std.pack.platforms.map((p) => [p.code, p.name]));
  const byItem = new Map<string, Evidence[]>();
  const byInspection = new Map<number, Evidence[]>();
  for (const e of extra.evidence) {
    if (e.inspection_id !== null) byInspection.set(e.inspection_id, [...(byInspection.get(e.inspection_id) ?? []), presentEvidence(e)]);
    else if (e.requirement_code) byItem.set(e.requirement_code, [...(byItem.get(e.requirement_code) ?? []), presentEvidence(e)]);
  }
  const items: AssessmentItem[] = ctx.requirements.map((r) => {
    const row = ctx.rows.get(r.code);
    const s = stateOf(ctx, r.code);
    const self = effectiveSelf(s);
    return {
      code: r.code, title: r.title, text: r.text, kind: r.kind, essential: essentials.get(r.essential) ?? r.essential,
      platforms: r.platforms.map((p) => platforms.get(p) ?? p), required: r.required, conditional: r.conditional ?? null,
      evidenceTypes: r.evidence, selfResult: self.result, selfSource: self.source, naReason: row?.na_reason ?? null, note: row?.note ?? null,
      auto: s.auto, reviewResult: s.reviewResult, reviewComment: s.reviewComment, inspectionResult: s.inspectionResult,
      inspectionNote: row?.inspection_note ?? null, finalResult: finalResult(s), evidence: byItem.get(r.code) ?? [],
      returnPending: isEditable(status) && returnPending(s, a.reviewed_at),
      todo: itemTodo(r, s, status, a.reviewed_at), updatedBy: row?.updated_by_name ?? null, updatedAt: row?.updated_at ?? null,
      version: row?.version ?? 0,
    };
  });
  const count = (f: (i: AssessmentItem) => boolean) => items.filter(f).length;
  const overdue = status !== 'accepted' && (ctx.today > campaign.deadline || (status === 'returned' && !!a.rectification_deadline && ctx.today > a.rectification_deadline));
  return {
    id: a.id,
    campaign: { id: campaign.id, title: campaign.title, deadline: campaign.deadline, status: campaign.status as 'active' | 'closed', standardTitle: std.row.title },
    org: { id: org.id, name: org.name, path: extra.path, parentId: org.parent_id },
    tier, tierName: tier === null ? null : std.pack.tiers.find((t) => t.tier === tier)?.name ?? `${tier} 类`,
    blocker: tier === null ? '尚未确定阵地类别：请先在“阵地档案”中填写党员活动室情况，系统据此确定适用的要求。' : null,
    status, rectificationDeadline: a.rectification_deadline, reviewComment: a.review_comment, submittedAt: a.submitted_at,
    reviewedAt: a.reviewed_at, acceptedAt: a.accepted_at, overdue,
    progress: {
      total: items.length, answered: count((i) => i.selfResult !== null), met: count((i) => i.finalResult === 'met'),
      notMet: count((i) => i.finalResult === 'not_met'), na: count((i) => i.finalResult === 'na'),
      returned: count((i) => i.reviewResult === 'returned'), todo: count((i) => i.todo.length > 0),
    },
    items,
    inspections: extra.inspections.map((i) => ({
      id: i.id, inspectedOn: i.inspected_on, inspector: i.inspector_name ?? '', summary: i.summary,
      findings: JSON.parse(i.findings) as Assessment['inspections'][number]['findings'], photos: byInspection.get(i.id) ?? [], createdAt: i.created_at,
    })),
    can: extra.can,
    history: extra.events.map((e) => ({
      id: e.id, action: e.action, fromStatus: e.from_status as AssessmentStatus | null, toStatus: e.to_status as AssessmentStatus | null,
      detail: e.detail, actorName: e.actor_name, at: e.at,
    })),
    version: a.version,
  };
}
