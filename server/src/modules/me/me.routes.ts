import { Type } from 'typebox';
import type { App } from '../../platform/http/types.js';
import { actorOf } from '../../platform/http/types.js';
import type { MemberService } from '../member/member.service.js';
import { MemberDetail, Org } from '../../../../contracts/schemas.js';
import { presentOrg } from '../org/org.presenter.js';
import type { OrgRepo } from '../org/org.repo.js';

/** A member's own page: their profile and their organization, nothing of anyone else. */
export function registerMeRoutes(app: App, deps: { members: MemberService; orgRepo: OrgRepo }) {
  app.get('/api/me/profile', {
    schema: { tags: ['me'], summary: '本人信息', response: { 200: Type.Object({ member: Type.Union([MemberDetail, Type.Null()]), org: Type.Union([Org, Type.Null()]) }) } },
  }, async (req) => {
    const actor = actorOf(req);
    const { member, orgId } = await deps.members.ownProfile(actor);
    if (orgId === null) return { member, org: null };
    const row = await deps.orgRepo.byId(orgId);
    if (!row) return { member, org: null };
    const [path, totals] = await Promise.all([deps.orgRepo.ancestors(orgId), deps.orgRepo.subtreeMemberTotals(orgId)]);
    return { member, org: presentOrg(row, { path, childCount: 0, subtreeMemberCount: totals.members }) };
  });
}
