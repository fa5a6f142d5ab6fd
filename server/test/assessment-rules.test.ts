// The assessment's pure rules (assessment.rules.ts): which answer counts, what the secretary still has to do,
// what stops a submission, and which status may follow which.
import { describe, expect, it } from 'vitest';
import {
  canMove, effectiveSelf, finalResult, isEditable, isFailed, itemTodo, returnPending, submitProblems, type ItemState,
} from '../src/modules/assessment/assessment.rules.js';
import { ASSESSMENT_STATUSES, EDITABLE_STATUSES, type AssessmentStatus, type AutoCheck } from '../../contracts/assessment.js';
import type { Requirement } from '../../contracts/standard.js';

const auto = (outcome: AutoCheck['outcome']): AutoCheck => ({ outcome, checks: [], at: '2026-03-01T02:00:00.000Z' });
const state = (over: Partial<ItemState> = {}): ItemState => ({
  selfResult: null, naReason: null, auto: null, reviewResult: null, reviewComment: null, inspectionResult: null, evidenceCount: 0, updatedAt: null, ...over,
});
const req = (over: Partial<Requirement> = {}): Requirement => ({
  code: 'T2-PHY-01', tiers: [2], kind: 'physical', essential: 'venue', platforms: [], required: true, title: '有活动场所',
  text: '有党员学习、会议的场所', evidence: ['photo'], ...over,
} as Requirement);

const REVIEWED = '2026-03-10T08:00:00.000Z';
const BEFORE = '2026-03-09T08:00:00.000Z';
const AFTER = '2026-03-11T08:00:00.000Z';

describe('effectiveSelf: the self-assessed answer that counts', () => {
  it('is nothing while neither a person nor the automatic check has an answer', () => {
    expect(effectiveSelf(state())).toEqual({ result: null, source: null });
    expect(effectiveSelf(state({ auto: auto('unknown') }))).toEqual({ result: null, source: null });
  });
  it('takes the automatic check when it can tell', () => {
    expect(effectiveSelf(state({ auto: auto('pass') }))).toEqual({ result: 'met', source: 'auto' });
    expect(effectiveSelf(state({ auto: auto('fail') }))).toEqual({ result: 'not_met', source: 'auto' });
  });
  it('prefers a person\'s answer over the automatic check, whatever either says', () => {
    expect(effectiveSelf(state({ selfResult: 'met', auto: auto('fail') }))).toEqual({ result: 'met', source: 'person' });
    expect(effectiveSelf(state({ selfResult: 'not_met', auto: auto('pass') }))).toEqual({ result: 'not_met', source: 'person' });
    expect(effectiveSelf(state({ selfResult: 'na', naReason: '无此条件', auto: auto('pass') }))).toEqual({ result: 'na', source: 'person' });
  });
});

describe('finalResult: an inspection overrides the self-assessment', () => {
  it('is the effective self answer without an inspection', () => {
    expect(finalResult(state())).toBeNull();
    expect(finalResult(state({ selfResult: 'na' }))).toBe('na');
    expect(finalResult(state({ auto: auto('fail') }))).toBe('not_met');
  });
  it('is the inspector\'s finding when there is one, in either direction', () => {
    expect(finalResult(state({ selfResult: 'met', inspectionResult: 'not_met' }))).toBe('not_met');
    expect(finalResult(state({ selfResult: 'na', inspectionResult: 'not_met' }))).toBe('not_met');
    expect(finalResult(state({ selfResult: 'not_met', inspectionResult: 'met' }))).toBe('met');
    expect(finalResult(state({ auto: auto('fail'), inspectionResult: 'met' }))).toBe('met');
    expect(finalResult(state({ inspectionResult: 'met' }))).toBe('met');
  });
});

describe('isFailed: counted among the requirements most often failed', () => {
  it('counts an item not met in the end', () => {
    expect(isFailed(state({ selfResult: 'not_met' }))).toBe(true);
    expect(isFailed(state({ auto: auto('fail') }))).toBe(true);
    expect(isFailed(state({ selfResult: 'met', inspectionResult: 'not_met' }))).toBe(true);
  });
  it('counts an item the reviewer sent back, even when answered "met"', () => {
    expect(isFailed(state({ selfResult: 'met', reviewResult: 'returned', reviewComment: '照片不清晰' }))).toBe(true);
  });
  it('does not count met, not applicable, unanswered, or not met overturned by an inspection', () => {
    expect(isFailed(state({ selfResult: 'met' }))).toBe(false);
    expect(isFailed(state({ selfResult: 'na', naReason: '无此条件' }))).toBe(false);
    expect(isFailed(state())).toBe(false);
    expect(isFailed(state({ selfResult: 'not_met', inspectionResult: 'met' }))).toBe(false);
    expect(isFailed(state({ selfResult: 'met', reviewResult: 'accepted' }))).toBe(false);
  });
});

describe('returnPending: a returned item waits until a person changes it after the review', () => {
  it('is pending when untouched, or touched only before (or at) the review', () => {
    expect(returnPending(state({ reviewResult: 'returned' }), REVIEWED)).toBe(true);
    expect(returnPending(state({ reviewResult: 'returned', updatedAt: BEFORE }), REVIEWED)).toBe(true);
    expect(returnPending(state({ reviewResult: 'returned', updatedAt: REVIEWED }), REVIEWED)).toBe(true);
  });
  it('is dealt with once changed after the review', () => {
    expect(returnPending(state({ reviewResult: 'returned', updatedAt: AFTER }), REVIEWED)).toBe(false);
  });
  it('never concerns an item that was not returned', () => {
    expect(returnPending(state({ reviewResult: 'accepted' }), REVIEWED)).toBe(false);
    expect(returnPending(state({ updatedAt: BEFORE }), REVIEWED)).toBe(false);
  });
});

describe('itemTodo: what is left, in words for the secretary', () => {
  const todo = (s: ItemState, r: Requirement = req(), status: AssessmentStatus = 'in_progress', reviewedAt: string | null = null) => itemTodo(r, s, status, reviewedAt);

  it('asks for an answer on an unanswered required item, and nothing on an unanswered optional one', () => {
    expect(todo(state())).toEqual(['请选择“达标”“未达标”或“不适用”']);
    expect(todo(state({ auto: auto('unknown') }))).toEqual(['请选择“达标”“未达标”或“不适用”']);
    expect(todo(state(), req({ required: false }))).toEqual([]);
  });

  it('asks for evidence on a "met" without any, naming the kinds that can be uploaded (records are found, not uploaded)', () => {
    expect(todo(state({ selfResult: 'met' }), req({ evidence: ['photo', 'document', 'link', 'record'] }))).toEqual(['请上传佐证材料（照片、文件、链接）']);
    expect(todo(state({ selfResult: 'met' }), req({ evidence: ['document'] }))).toEqual(['请上传佐证材料（文件）']);
    expect(todo(state({ selfResult: 'met' }), req({ evidence: ['record'] }))).toEqual([]);
  });

  it('is satisfied by one piece of evidence, or by a passing automatic check instead', () => {
    expect(todo(state({ selfResult: 'met', evidenceCount: 1 }))).toEqual([]);
    expect(todo(state({ selfResult: 'met', auto: auto('pass') }))).toEqual([]);
    expect(todo(state({ auto: auto('pass') }))).toEqual([]);
  });

  it('warns when a person says "met" against a failing automatic check', () => {
    expect(todo(state({ selfResult: 'met', evidenceCount: 2, auto: auto('fail') }))).toEqual(['系统核验未通过，请核对后再确认“达标”']);
    expect(todo(state({ selfResult: 'met', auto: auto('fail') }))).toEqual(['请上传佐证材料（照片）', '系统核验未通过，请核对后再确认“达标”']);
  });

  it('asks to rectify an item not met, whether a person or the automatic check said so', () => {
    expect(todo(state({ selfResult: 'not_met' }))).toEqual(['未达标：请整改后更新自评']);
    expect(todo(state({ auto: auto('fail') }))).toEqual(['未达标：请整改后更新自评']);
  });

  it('has nothing to do on "not applicable"', () => {
    expect(todo(state({ selfResult: 'na', naReason: '本支部无此条件' }))).toEqual([]);
  });

  it('puts the reviewer\'s comment first on a returned item until it is changed after the review', () => {
    const returned = state({ selfResult: 'met', evidenceCount: 1, reviewResult: 'returned', reviewComment: '照片不清晰，请重拍', updatedAt: BEFORE });
    expect(todo(returned, req(), 'returned', REVIEWED)).toEqual(['按审核意见整改：照片不清晰，请重拍']);
    expect(todo({ ...returned, reviewComment: null }, req(), 'returned', REVIEWED)).toEqual(['按审核意见整改']);
    expect(todo({ ...returned, updatedAt: AFTER }, req(), 'returned', REVIEWED)).toEqual([]);
    expect(todo({ ...returned, selfResult: null, evidenceCount: 0 }, req(), 'returned', REVIEWED))
      .toEqual(['按审核意见整改：照片不清晰，请重拍', '请选择“达标”“未达标”或“不适用”']);
  });

  it('is empty whenever the org cannot change the assessment (submitted, accepted)', () => {
    for (const status of ['submitted', 'accepted'] as const) {
      expect(todo(state(), req(), status)).toEqual([]);
      expect(todo(state({ selfResult: 'not_met', reviewResult: 'returned', reviewComment: 'x' }), req(), status, REVIEWED)).toEqual([]);
    }
    for (const status of EDITABLE_STATUSES) expect(todo(state(), req(), status).length).toBe(1);
  });
});

describe('submitProblems: what stops a submission', () => {
  const r = (n: number, over: Partial<Requirement> = {}) => req({ code: `T2-PHY-0${n}`, title: `要求${n}`, ...over });

  it('is empty when every required item has an answer (a person\'s or the automatic check\'s); optional items may stay blank', () => {
    expect(submitProblems([
      { req: r(1), state: state({ selfResult: 'met' }) },
      { req: r(2), state: state({ auto: auto('fail') }) },
      { req: r(3), state: state({ selfResult: 'na', naReason: '无此条件' }) },
      { req: r(4, { required: false }), state: state() },
    ], null)).toEqual([]);
  });

  it('counts the unanswered required items and names the first three', () => {
    expect(submitProblems([{ req: r(1), state: state({ auto: auto('unknown') }) }, { req: r(2), state: state({ selfResult: 'met' }) }], null))
      .toEqual(['还有 1 项必选要求未自评：要求1']);
    const five = [1, 2, 3, 4, 5].map((k) => ({ req: r(k), state: state() }));
    expect(submitProblems(five, null)).toEqual(['还有 5 项必选要求未自评：要求1、要求2、要求3 等']);
  });

  it('counts returned items nobody touched since the review, optional ones included', () => {
    const problems = submitProblems([
      { req: r(1), state: state({ selfResult: 'met', reviewResult: 'returned', updatedAt: BEFORE }) },
      { req: r(2, { required: false }), state: state({ selfResult: 'met', reviewResult: 'returned' }) },
      { req: r(3), state: state({ selfResult: 'met', reviewResult: 'returned', updatedAt: AFTER }) },
    ], REVIEWED);
    expect(problems).toEqual(['还有 2 项退回的要求未整改：要求1、要求2']);
  });

  it('reports both kinds of problem together', () => {
    expect(submitProblems([
      { req: r(1), state: state() },
      { req: r(2), state: state({ selfResult: 'met', reviewResult: 'returned', updatedAt: BEFORE }) },
    ], REVIEWED)).toEqual(['还有 1 项必选要求未自评：要求1', '还有 1 项退回的要求未整改：要求2']);
  });
});

describe('canMove: only the listed transitions exist', () => {
  const ALLOWED = new Set([
    'not_started>in_progress', 'not_started>submitted', 'in_progress>submitted',
    'submitted>accepted', 'submitted>returned', 'returned>submitted', 'accepted>returned',
  ]);
  for (const from of ASSESSMENT_STATUSES) {
    for (const to of ASSESSMENT_STATUSES) {
      const allowed = ALLOWED.has(`${from}>${to}`);
      it(`${from} -> ${to}: ${allowed ? 'allowed' : 'refused'}`, () => {
        expect(canMove(from, to)).toBe(allowed);
      });
    }
  }
  it('never lets an accepted assessment go back to self-assessment or straight to submitted', () => {
    expect(['not_started', 'in_progress', 'submitted', 'accepted'].some((to) => canMove('accepted', to as AssessmentStatus))).toBe(false);
  });
  it('isEditable matches the editable statuses', () => {
    expect(ASSESSMENT_STATUSES.filter(isEditable)).toEqual(['not_started', 'in_progress', 'returned']);
  });
});
