import type { NoticeSummary } from '../../api/notices';

/** "财政局机关党委及下级、第一党支部" */
export const targetText = (n: Pick<NoticeSummary, 'targets'>) =>
  n.targets.map((t) => (t.subtree ? `${t.name}及下级` : t.name)).join('、');

export const pct = (r: number | null) => (r === null ? '—' : `${Math.round(r * 1000) / 10}%`);
