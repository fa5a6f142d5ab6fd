// Wires services with explicit dependencies: one place to see what depends on what.
import type { Db } from './platform/db/connect.js';
import type { Config } from './platform/config.js';
import type { Clock } from './platform/clock.js';
import type { Cipher } from './platform/crypto.js';
import { createAudit } from './platform/audit.js';
import { createAccess } from './platform/access.js';
import { createAuthService } from './modules/auth/auth.service.js';
import { createOrgRepo } from './modules/org/org.repo.js';
import { createOrgService } from './modules/org/org.service.js';
import { createCommitteeService } from './modules/committee/committee.service.js';
import { createMemberRepo } from './modules/member/member.repo.js';
import { createMemberService } from './modules/member/member.service.js';
import { createImportService } from './modules/member/member.import.service.js';
import { createAccountService } from './modules/account/account.service.js';
import { createAuditReadService } from './modules/audit/audit.service.js';
import { createStandardRepo } from './modules/standard/standard.repo.js';
import { createStandardService } from './modules/standard/standard.service.js';
import { createBaseProfileRepo } from './modules/base-profile/base-profile.repo.js';
import { createBaseProfileService } from './modules/base-profile/base-profile.service.js';
import { createFileStorage } from './platform/storage.js';
import { createPackCache } from './modules/standard/standard.cache.js';
import { createSummary } from './modules/assessment/assessment.summary.js';
import { createCampaignRepo } from './modules/campaign/campaign.repo.js';
import { createCampaignService } from './modules/campaign/campaign.service.js';
import { createDashboardService } from './modules/campaign/campaign.dashboard.js';
import { createAssessmentRepo } from './modules/assessment/assessment.repo.js';
import { createContextLoader } from './modules/assessment/assessment.context.js';
import { createAssessmentService } from './modules/assessment/assessment.service.js';
import { createEvidenceService } from './modules/evidence/evidence.service.js';
import { createContentServices } from './modules/content/content.wiring.js';
import { createNoticeServices } from './modules/notice/notice.wiring.js';
import { createStudyServices } from './modules/study/study.wiring.js';
import { createDisplayServices } from './modules/display/display.wiring.js';
import { createSearchService } from './modules/search/search.service.js';

export function createServices(deps: { db: Db; config: Config; clock: Clock; cipher: Cipher }) {
  const db = deps.db.kysely;
  const { config, clock, cipher } = deps;
  const audit = createAudit({ db, clock });
  const access = createAccess({ db, audit });
  const orgRepo = createOrgRepo(db);
  const memberRepo = createMemberRepo(db);
  const packs = createPackCache(db);
  const summary = createSummary();
  const storage = createFileStorage(config.dataDir);
  const campaigns = createCampaignService({ db, repo: createCampaignRepo(db), orgs: orgRepo, packs, summary, access, audit, clock });
  const content = createContentServices({ db, storage, access, audit, clock });
  const notices = createNoticeServices({ db, access, audit, cipher, clock, config });
  // The digital base feeds the assessment's automatic checks: column freshness and the micro channel's reach.
  const digital = {
    column: (orgId: number) => content.contentFreshness.columnFreshness(orgId),
    reach: async (orgId: number) => {
      const r = await notices.noticeReach(orgId);
      return { members: r.members, withAccount: r.withAccount };
    },
  };
  const assessmentRepo = createAssessmentRepo(db);
  const assessments = createAssessmentService({
    db, repo: assessmentRepo, load: createContextLoader({ db, repo: assessmentRepo, packs, clock, digital }), orgs: orgRepo, summary, access, audit, clock,
  });
  return {
    db: deps.db, config, clock, cipher, audit, access, orgRepo, memberRepo,
    auth: createAuthService({ db, audit, clock, config }),
    orgs: createOrgService({ db, repo: orgRepo, access, audit, clock }),
    committees: createCommitteeService({ db, access, audit, clock }),
    members: createMemberService({ db, repo: memberRepo, orgs: orgRepo, access, audit, cipher, clock }),
    imports: createImportService({ db, orgs: orgRepo, members: memberRepo, access, audit, cipher, clock, dataDir: config.dataDir }),
    accounts: createAccountService({ db, access, audit, clock, config }),
    auditRead: createAuditReadService({ db, access, audit }),
    standards: createStandardService({ db, repo: createStandardRepo(db), access, audit, clock }),
    baseProfiles: createBaseProfileService({ db, repo: createBaseProfileRepo(db), orgs: orgRepo, access, audit, clock }),
    campaigns,
    dashboards: createDashboardService({ db, campaigns, orgs: orgRepo, packs, access, clock }),
    assessments,
    evidence: createEvidenceService({ db, storage, assessments, packs, access, audit, clock }),
    ...content,
    ...notices,
    ...createStudyServices({ db, storage, access, audit, clock }),
    ...createDisplayServices({ db, access, audit, clock }),
    search: createSearchService({ db, access, clock }),
  };
}
export type Services = ReturnType<typeof createServices>;
