import type { App } from './platform/http/types.js';
import type { Services } from './services.js';
import { registerHealthRoutes } from './modules/health/health.routes.js';
import { registerAuthRoutes } from './modules/auth/auth.routes.js';
import { registerOrgRoutes } from './modules/org/org.routes.js';
import { registerCommitteeRoutes } from './modules/committee/committee.routes.js';
import { registerMemberRoutes } from './modules/member/member.routes.js';
import { registerImportRoutes } from './modules/member/member.import.routes.js';
import { registerAccountRoutes } from './modules/account/account.routes.js';
import { registerAuditRoutes } from './modules/audit/audit.routes.js';
import { registerMeRoutes } from './modules/me/me.routes.js';
import { registerStandardRoutes } from './modules/standard/standard.routes.js';
import { registerBaseProfileRoutes } from './modules/base-profile/base-profile.routes.js';
import { registerCampaignRoutes } from './modules/campaign/campaign.routes.js';
import { registerAssessmentRoutes } from './modules/assessment/assessment.routes.js';

export function registerRoutes(app: App, s: Services) {
  registerHealthRoutes(app, { db: s.db });
  registerAuthRoutes(app, { auth: s.auth, config: s.config });
  registerOrgRoutes(app, { orgs: s.orgs });
  registerCommitteeRoutes(app, { committees: s.committees });
  registerMemberRoutes(app, { members: s.members });
  registerImportRoutes(app, { imports: s.imports });
  registerAccountRoutes(app, { accounts: s.accounts });
  registerAuditRoutes(app, { auditRead: s.auditRead });
  registerMeRoutes(app, { members: s.members, orgRepo: s.orgRepo });
  registerStandardRoutes(app, { standards: s.standards });
  registerBaseProfileRoutes(app, { baseProfiles: s.baseProfiles });
  registerCampaignRoutes(app, { campaigns: s.campaigns, dashboards: s.dashboards, audit: s.audit });
  registerAssessmentRoutes(app, { assessments: s.assessments, evidence: s.evidence });
}
