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
  audit: '审计日志',
  session: '会话',
};
