// Time comes from here so tests can move it (lockouts, session timeouts, term warnings).
export interface Clock { now(): Date }
export const systemClock: Clock = { now: () => new Date() };
export const iso = (d: Date) => d.toISOString();
/** Today's date in China Standard Time (UTC+8), as YYYY-MM-DD: what a person there calls today. */
export function todayCn(clock: Clock): string {
  return new Date(clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
export function addMonths(date: string, months: number): string {
  const [y, m, day] = date.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d.toISOString().slice(0, 10);
}
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
