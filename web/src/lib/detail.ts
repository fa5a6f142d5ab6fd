// Audit and history details arrive as text, often JSON ({"name":"…"}): show them as Chinese "字段：值".
import { ORG_TYPE_LABELS, type OrgType } from '@contracts/enums';
import { FIELD_LABELS } from '@contracts/labels';

/** Keys and values the server writes into details that contracts/labels.ts does not name. */
const MORE_LABELS: Record<string, string> = {
  from: '原', to: '新', kind: '类别', detail: '详情', count: '数量', rows: '行数', file: '文件', fields: '修改项',
  filter: '筛选条件', permission: '权限', unlock: '解除锁定',
};
const VALUE_LABELS: Record<string, string> = { new_term: '换届', update: '修改' };
/** Why a login or password change failed (auth.service `reason`). */
const REASON_LABELS: Record<string, string> = {
  unknown_user: '用户名不存在', bad_password: '密码错误', bad_password_locked: '密码错误，账号已被锁定',
  locked: '账号已锁定', disabled: '账号已停用', bad_current: '当前密码错误',
};

function value(v: unknown, key?: string): string {
  if (v === null || v === undefined || v === '') return '空';
  if (typeof v === 'string') {
    const named = key === 'reason' ? REASON_LABELS[v] : key === 'type' ? ORG_TYPE_LABELS[v as OrgType] : undefined;
    return named ?? VALUE_LABELS[v] ?? v;
  }
  if (typeof v === 'boolean') return v ? '是' : '否';
  // `fields`: the names of the changed fields.
  if (Array.isArray(v)) return v.map((x) => (key === 'fields' && typeof x === 'string' ? (FIELD_LABELS[x] ?? x) : value(x))).join('、');
  if (typeof v === 'object') return formatDetail(JSON.stringify(v));
  return String(v);
}

export function formatDetail(detail: string | null | undefined): string {
  if (!detail) return '';
  const text = detail.trim();
  if (!text.startsWith('{')) return text;
  try {
    const obj = JSON.parse(text) as Record<string, unknown>;
    return Object.entries(obj)
      .map(([k, v]) => `${FIELD_LABELS[k] ?? MORE_LABELS[k] ?? k}：${value(v, k)}`)
      .join('；');
  } catch {
    return text;
  }
}
