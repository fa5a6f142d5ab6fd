import { useQuery } from '@tanstack/react-query';
import { memberListQuery } from '../../api/members';
import { useDebounced } from '../../lib/useDebounced';

/** Active members in an org's subtree matching the text (name or pinyin initials), 20 at most. */
export function useMemberSearch(orgId: number | null | undefined, text: string) {
  const q = useDebounced(text.trim(), 300);
  return useQuery({
    ...memberListQuery({ orgId: orgId ?? undefined, q: q || undefined, status: 'active', page: 1, pageSize: 20 }),
    enabled: Boolean(orgId),
  });
}
