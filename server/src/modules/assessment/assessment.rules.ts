// The assessment's rules in one place, pure: which answer counts, what is still to do, which transitions exist.
import type { Requirement } from '../../../../contracts/standard.js';
import type { AssessmentStatus, AutoCheck, SelfResult } from '../../../../contracts/assessment.js';
import { EDITABLE_STATUSES } from '../../../../contracts/assessment-labels.js';

/** The stored state of one item (a requirement without a row has never been touched). */
export interface ItemState {
  selfResult: SelfResult | null;
  naReason: string | null;
  auto: AutoCheck | null;
  reviewResult: 'accepted' | 'returned' | null;
  reviewComment: string | null;
  inspectionResult: 'met' | 'not_met' | null;
  evidenceCount: number;
  /** When a person last changed the item (answer or evidence). */
  updatedAt: string | null;
}

/** The self-assessed answer that counts: a person's, else the automatic check's when it can tell. */
export function effectiveSelf(s: ItemState): { result: SelfResult | null; source: 'person' | 'auto' | null } {
  if (s.selfResult) return { result: s.selfResult, source: 'person' };
  if (s.auto?.outcome === 'pass') return { result: 'met', source: 'auto' };
  if (s.auto?.outcome === 'fail') return { result: 'not_met', source: 'auto' };
  return { result: null, source: null };
}

/** An inspection's finding overrides the self-assessment. */
export function finalResult(s: ItemState): SelfResult | null {
  return s.inspectionResult ?? effectiveSelf(s).result;
}

/** Counted among "the requirements most often failed": not met in the end, or sent back by the reviewer. */
export function isFailed(s: ItemState): boolean {
  return finalResult(s) === 'not_met' || s.reviewResult === 'returned';
}

/** A returned item is dealt with once a person changed it after the review that returned it. */
export function returnPending(s: ItemState, reviewedAt: string | null): boolean {
  return s.reviewResult === 'returned' && (!s.updatedAt || !reviewedAt || s.updatedAt <= reviewedAt);
}

/** What is left to do on an item, in words for the secretary. Empty when nothing is left. */
export function itemTodo(req: Requirement, s: ItemState, status: AssessmentStatus, reviewedAt: string | null): string[] {
  if (!EDITABLE_STATUSES.includes(status)) return [];
  const todo: string[] = [];
  if (returnPending(s, reviewedAt)) todo.push(`按审核意见整改：${s.reviewComment ?? ''}`.replace(/：$/, ''));
  const self = effectiveSelf(s);
  if (!self.result) {
    if (req.required) todo.push('请选择“达标”“未达标”或“不适用”');
    return todo;
  }
  const uploadable = req.evidence.filter((e) => e !== 'record');
  if (self.result === 'met' && uploadable.length > 0 && s.evidenceCount === 0 && s.auto?.outcome !== 'pass') {
    todo.push(`请上传佐证材料（${uploadable.map((e) => ({ photo: '照片', document: '文件', link: '链接' })[e as 'photo' | 'document' | 'link']).join('、')}）`);
  }
  if (self.source === 'person' && self.result === 'met' && s.auto?.outcome === 'fail') todo.push('系统核验未通过，请核对后再确认“达标”');
  if (self.result === 'not_met') todo.push('未达标：请整改后更新自评');
  return todo;
}

/** Problems that stop a submission: unanswered required items and returned items nobody touched since. */
export function submitProblems(items: { req: Requirement; state: ItemState }[], reviewedAt: string | null): string[] {
  const problems: string[] = [];
  const unanswered = items.filter((i) => i.req.required && !effectiveSelf(i.state).result);
  if (unanswered.length) problems.push(`还有 ${unanswered.length} 项必选要求未自评：${unanswered.slice(0, 3).map((i) => i.req.title).join('、')}${unanswered.length > 3 ? ' 等' : ''}`);
  const pending = items.filter((i) => returnPending(i.state, reviewedAt));
  if (pending.length) problems.push(`还有 ${pending.length} 项退回的要求未整改：${pending.slice(0, 3).map((i) => i.req.title).join('、')}${pending.length > 3 ? ' 等' : ''}`);
  return problems;
}

/** Allowed transitions (the service checks the actor; this says what may follow what). */
const NEXT: Record<AssessmentStatus, readonly AssessmentStatus[]> = {
  not_started: ['in_progress', 'submitted'],
  in_progress: ['submitted'],
  submitted: ['accepted', 'returned'],
  returned: ['submitted'],
  accepted: ['returned'], // an inspection that overturns an item reopens rectification
};
export function canMove(from: AssessmentStatus, to: AssessmentStatus): boolean {
  return NEXT[from].includes(to);
}
export const isEditable = (s: AssessmentStatus) => EDITABLE_STATUSES.includes(s);
