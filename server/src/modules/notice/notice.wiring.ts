// Wires the notice services and the background job runner (whose one job so far is the webhook delivery).
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/types.js';
import type { Access } from '../../platform/access.js';
import type { Audit } from '../../platform/audit.js';
import type { Cipher } from '../../platform/crypto.js';
import type { Clock } from '../../platform/clock.js';
import type { Config } from '../../platform/config.js';
import { createJobRunner } from '../../platform/jobs.js';
import { createNoticeRepo } from './notice.repo.js';
import { createNoticeService } from './notice.service.js';
import { createInboxService } from './notice.inbox.js';
import { createDeliveryJob, createWebhookService } from './notice.webhook.js';
import { createNoticeReach } from './notice.reach.js';

export function createNoticeServices(deps: { db: Kysely<Database>; access: Access; audit: Audit; cipher: Cipher; clock: Clock; config: Config }) {
  const { db, access, audit, cipher, clock, config } = deps;
  const repo = createNoticeRepo(db);
  return {
    notices: createNoticeService({ db, repo, access, audit, clock }),
    inbox: createInboxService({ db, repo, access, clock }),
    webhooks: createWebhookService({ db, access, audit, cipher, clock, config }),
    noticeReach: createNoticeReach(db),
    jobs: createJobRunner({ db, clock, jobs: [createDeliveryJob({ db, cipher, clock, config })] }),
  };
}
