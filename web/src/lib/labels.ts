// Labels the contracts do not carry, and safe lookups for free-text codes.
import {
  AUDIT_ACTION_LABELS, MEMBER_CATEGORY_LABELS, ROLE_LABELS, type AuditAction, type ImportStatus,
  type MemberCategory, type Role,
} from '@contracts/enums';

export const IMPORT_STATUS_LABELS: Record<ImportStatus, string> = {
  parsing: '正在校验',
  previewed: '校验完成',
  committing: '正在导入',
  done: '导入完成',
  failed: '导入失败',
};

export function actionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action as AuditAction] ?? action;
}

export function roleLabel(role: string | null | undefined): string {
  if (!role) return '—';
  return ROLE_LABELS[role as Role] ?? role;
}

export function categoryLabel(category: string): string {
  return MEMBER_CATEGORY_LABELS[category as MemberCategory] ?? category;
}

/** Audit target types as people read them. */
export const TARGET_TYPE_LABELS: Record<string, string> = {
  org: '组织',
  member: '党员',
  account: '账号',
  committee: '班子届次',
  committee_term: '班子届次',
  import: '导入任务',
  member_import: '导入任务',
  import_job: '导入任务',
  audit: '审计日志',
  session: '会话',
};

/** Actions of an organization's history (GET /api/orgs/:id/history). */
export const ORG_EVENT_LABELS: Record<string, string> = {
  create: '新建',
  update: '修改',
  move: '移动',
  dissolve: '撤销',
  committee: '班子换届',
};

export function orgEventLabel(action: string): string {
  return ORG_EVENT_LABELS[action] ?? AUDIT_ACTION_LABELS[action as AuditAction] ?? AUDIT_ACTION_LABELS[`org.${action}` as AuditAction] ?? '变更';
}

/** Search hits whose own name contains the text first (the server also matches on ancestors' names). */
export function nameMatchesFirst<T extends { name: string }>(hits: T[], q: string): T[] {
  const text = q.trim();
  return [...hits].sort((a, b) => Number(!a.name.includes(text)) - Number(!b.name.includes(text)));
}
