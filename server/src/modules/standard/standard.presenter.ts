// Rows never reach JSON: these map standard_version rows to the API shapes in contracts/schemas.ts.
import type { StandardVersionRow } from '../../platform/db/types.js';
import type { StandardVersionDetail, StandardVersionSummary } from '../../../../contracts/schemas.js';
import type { StandardStatus } from '../../../../contracts/enums.js';

function parseContent(row: StandardVersionRow): unknown {
  return JSON.parse(row.content) as unknown;
}
function requirementCount(content: unknown): number {
  const reqs = (content as { requirements?: unknown } | null)?.requirements;
  return Array.isArray(reqs) ? reqs.length : 0;
}

function summaryOf(row: StandardVersionRow, content: unknown): StandardVersionSummary {
  return {
    id: row.id, packId: row.pack_id, version: row.version, title: row.title, status: row.status as StandardStatus,
    coverageDeadline: row.coverage_deadline, effectiveFrom: row.effective_from, requirementCount: requirementCount(content),
    publishedAt: row.published_at,
  };
}

export function presentStandardSummary(row: StandardVersionRow): StandardVersionSummary {
  return summaryOf(row, parseContent(row));
}

export function presentStandardDetail(row: StandardVersionRow): StandardVersionDetail {
  const content = parseContent(row);
  return {
    ...summaryOf(row, content), content, sourceFile: row.source_file, createdAt: row.created_at, updatedAt: row.updated_at,
    rowVersion: row.row_version,
  };
}
