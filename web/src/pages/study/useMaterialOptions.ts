import { useQuery } from '@tanstack/react-query';
import { materialsQuery } from '../../api/study';

/** The newest 100 materials the org may use, as Select options (plans and sessions link them). */
export function useMaterialOptions(orgId: number) {
  const list = useQuery(materialsQuery({ orgId, limit: 100 }));
  return (list.data?.items ?? []).map((m) => ({ value: m.id, label: m.title }));
}
