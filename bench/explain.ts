// `--explain`: the query plans of some measured calls. The repositories run on a Kysely that records
// each compiled query, so the plans are those of the exact SQL the API sends, not of a copy.
import { CompiledQuery, type Kysely, type KyselyPlugin, type QueryResult, type RootOperationNode, type UnknownRow } from 'kysely';
import type { Database } from '../server/src/platform/db/types.js';
import type { Db } from '../server/src/platform/db/connect.js';
import { createOrgRepo } from '../server/src/modules/org/org.repo.js';
import { createMemberRepo } from '../server/src/modules/member/member.repo.js';
import { repoCases } from './cases.js';
import type { Targets } from './dataset.js';

/** Cases worth a plan: the slow or budget-relevant ones. */
const EXPLAINED = ['totals.root', 'count.root', 'list.root.1', 'list.organ.1', 'search.list', 'search.count'];

function recorder(kysely: Kysely<Database>) {
  const seen: CompiledQuery[] = [];
  const plugin: KyselyPlugin = {
    transformQuery(args) {
      if (args.node.kind === 'SelectQueryNode') seen.push(kysely.getExecutor().compileQuery(args.node as RootOperationNode, args.queryId));
      return args.node;
    },
    async transformResult(args): Promise<QueryResult<UnknownRow>> { return args.result; },
  };
  return { seen, kysely: kysely.withPlugin(plugin) };
}

export async function explain(db: Db, t: Targets): Promise<string> {
  const rec = recorder(db.kysely);
  const cases = repoCases({ orgRepo: createOrgRepo(rec.kysely), memberRepo: createMemberRepo(rec.kysely), t }).filter((c) => EXPLAINED.includes(c.id));
  const out: string[] = [];
  for (const c of cases) {
    rec.seen.length = 0;
    await c.run();
    for (const q of [...rec.seen]) {
      const prefix = db.dialect === 'sqlite' ? 'explain query plan ' : 'explain (analyze, buffers) ';
      const r = await db.kysely.executeQuery(CompiledQuery.raw(prefix + q.sql, [...q.parameters]));
      const lines = (r.rows as Record<string, unknown>[]).map((row) => String(row.detail ?? row['QUERY PLAN'] ?? JSON.stringify(row)));
      out.push(`-- ${c.label}`, `${q.sql}`, `-- parameters: ${JSON.stringify(q.parameters)}`, ...lines.map((l) => `   ${l}`), '');
    }
  }
  return out.join('\n');
}
