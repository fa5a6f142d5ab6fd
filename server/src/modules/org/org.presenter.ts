// Rows never reach JSON: these map them to the API shapes in contracts/schemas.ts.
import type { Static } from 'typebox';
import type { OrgRow } from '../../platform/db/types.js';
import type { Org, OrgTreeNode } from '../../../../contracts/schemas.js';
import type { OrgStatus, OrgType } from '../../../../contracts/enums.js';

export function presentTreeNode(row: OrgRow, childCount: number): Static<typeof OrgTreeNode> {
  return {
    id: row.id, parentId: row.parent_id, name: row.name, type: row.type as OrgType, status: row.status as OrgStatus,
    childCount, memberCount: row.member_count,
  };
}

export function presentOrg(row: OrgRow, extra: { path: { id: number; name: string }[]; childCount: number; subtreeMemberCount: number }): Static<typeof Org> {
  return {
    id: row.id, parentId: row.parent_id, name: row.name, shortName: row.short_name, code: row.code,
    type: row.type as OrgType, status: row.status as OrgStatus, path: extra.path, childCount: extra.childCount,
    memberCount: row.member_count, subtreeMemberCount: extra.subtreeMemberCount, dissolvedAt: row.dissolved_at,
    createdAt: row.created_at, version: row.version,
  };
}
