// Which article state may follow which, and what each action needs.
import type { ArticleStatus } from '../../../../contracts/content.js';
import { conflict } from '../../platform/errors.js';

/** Editing a draft keeps it a draft; editing a pending or withdrawn article takes it back to draft. Published: withdraw first. */
export function afterEdit(status: ArticleStatus): ArticleStatus {
  if (status === 'published') throw conflict('已发布的文章请先撤下再修改');
  return 'draft';
}
export function assertCan(action: 'submit' | 'review' | 'unpublish', status: ArticleStatus): void {
  const from: Record<typeof action, ArticleStatus[]> = { submit: ['draft'], review: ['pending'], unpublish: ['published'] };
  const msg: Record<typeof action, string> = { submit: '只有草稿可以提交审核', review: '只有待审核的文章可以审核', unpublish: '只有已发布的文章可以撤下' };
  if (!from[action].includes(status)) throw conflict(msg[action]);
}
