// Small pure helpers of the study module: dates, JSON id lists, the attendance rate.
import { badInput } from '../../platform/errors.js';

/** YYYY-MM-DD naming a day that exists (Date.parse would roll 02-30 over to March). */
export function isRealDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export function requireDate(s: string, field: string, label: string): void {
  if (!isRealDate(s)) throw badInput(`${label}无效，格式应为 YYYY-MM-DD`, [{ field, message: '日期无效' }]);
}

export const idsOf = (json: string): number[] => {
  try { const v = JSON.parse(json); return Array.isArray(v) ? v.filter((x) => Number.isInteger(x)) : []; } catch { return []; }
};

export const rate = (present: number, expected: number): number | null => (expected > 0 ? Math.round((present / expected) * 1000) / 1000 : null);

export const trimOrNull = (s: string | null | undefined): string | null => {
  const t = (s ?? '').trim();
  return t ? t : null;
};
