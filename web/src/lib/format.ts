import dayjs from 'dayjs';

/** YYYY-MM-DD, or '—' when empty. */
export function fmtDate(value: string | null | undefined): string {
  if (!value) return '—';
  const d = dayjs(value);
  return d.isValid() ? d.format('YYYY-MM-DD') : value;
}

/** A timestamp in local time: YYYY-MM-DD HH:mm:ss. */
export function fmtTime(value: string | null | undefined): string {
  if (!value) return '—';
  const d = dayjs(value);
  return d.isValid() ? d.format('YYYY-MM-DD HH:mm:ss') : value;
}

export const orDash = (value: string | number | null | undefined): string =>
  value === null || value === undefined || value === '' ? '—' : String(value);

/** "还有 N 天" / "今天到期" / "已过期 N 天". */
export function daysLeftText(days: number): string {
  if (days > 0) return `还有 ${days} 天`;
  if (days === 0) return '今天到期';
  return `已过期 ${-days} 天`;
}

/** Tag color for a term end: red when past, orange within 60 days, blue otherwise. */
export function daysLeftColor(days: number): string {
  if (days < 0) return 'red';
  if (days <= 60) return 'orange';
  return 'blue';
}
