// Audit and history details arrive as text, often JSON ({"name":"…"}): show them as Chinese "字段：值".
import { FIELD_LABELS } from '@contracts/labels';

/** Keys and values the server writes into details that contracts/labels.ts does not name. */
const MORE_LABELS: Record<string, string> = { from: '原', to: '新', kind: '类别', detail: '详情', count: '数量', rows: '行数' };
const VALUE_LABELS: Record<string, string> = { new_term: '换届', update: '修改' };

function value(v: unknown): string {
  if (v === null || v === undefined || v === '') return '空';
  if (typeof v === 'string') return VALUE_LABELS[v] ?? v;
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (Array.isArray(v)) return v.map(value).join('、');
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
      .map(([k, v]) => `${FIELD_LABELS[k] ?? MORE_LABELS[k] ?? k}：${value(v)}`)
      .join('；');
  } catch {
    return text;
  }
}
