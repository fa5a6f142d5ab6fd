// Factories: build.org / build.member / build.account with overrides, written through the real services.
import type { Services } from '../src/services.js';
import type { Actor } from '../src/platform/actor.js';
import type { Clock } from '../src/platform/clock.js';
import { hashPassword } from '../src/platform/crypto.js';
import { iso } from '../src/platform/clock.js';
import { idCheckChar } from '../src/modules/member/member.normalize.js';
import type { OrgType, Role } from '../../contracts/enums.js';
import type { MemberCreateBody } from '../../contracts/schemas.js';

const SYSTEM: Actor = { accountId: 0, username: 'system', displayName: '测试系统', role: 'work_committee_admin', orgId: null, memberId: null, ip: null, requestId: null };

/** A valid 18-digit ID number (fictional region 99xxxx) for sequence n. */
export function idNumber(n: number, birth = '19850315', male = true): string {
  const order = String((n % 500) * 2 + (male ? 1 : 0)).padStart(3, '0');
  const region = `99${String(Math.floor(n / 500) % 10000).padStart(4, '0')}`;
  const first17 = `${region}${birth}${order}`;
  return first17 + idCheckChar(first17);
}

export function createFactories(s: Services, clock: Clock) {
  let seq = 1;
  const hashCache = new Map<string, Promise<string>>();
  const hash = (pw: string) => { if (!hashCache.has(pw)) hashCache.set(pw, hashPassword(pw)); return hashCache.get(pw)!; };
  return {
    system: SYSTEM,
    async org(o: { parentId: number | null; type?: OrgType; name?: string; code?: string | null }) {
      const type = o.type ?? (o.parentId === null ? 'work_committee' : 'branch');
      const r = await s.orgs.create(SYSTEM, { parentId: o.parentId, type, name: o.name ?? `测试组织${seq++}`, code: o.code ?? null });
      return r;
    },
    /** 甲市直属机关工委 (A) with its finance bureau's organ committee (A1) and that committee's two branches (A1b, A1c). */
    async financeTree(code: string | null = null): Promise<Record<'A' | 'A1' | 'A1b' | 'A1c', number>> {
      const A = (await this.org({ parentId: null, name: '甲市直属机关工委', code })).id;
      const A1 = (await this.org({ parentId: A, type: 'organ_committee', name: '甲市财政局机关党委' })).id;
      const A1b = (await this.org({ parentId: A1, type: 'branch', name: '财政局第一党支部' })).id;
      const A1c = (await this.org({ parentId: A1, type: 'branch', name: '财政局第二党支部' })).id;
      return { A, A1, A1b, A1c };
    },
    /**
     * Two work committees: 甲市 (A, the finance tree with branches A1b1 and A1b2, and a second organ committee A2
     * with A2b) and 乙县 (B) with one branch (B1b). Ids by those names.
     */
    async twoCities(): Promise<Record<'A' | 'A1' | 'A1b1' | 'A1b2' | 'A2' | 'A2b' | 'B' | 'B1b', number>> {
      const { A, A1, A1b: A1b1, A1c: A1b2 } = await this.financeTree('A');
      const A2 = (await this.org({ parentId: A, type: 'organ_committee', name: '甲市教育局机关党委' })).id;
      const A2b = (await this.org({ parentId: A2, type: 'branch', name: '教育局第一党支部' })).id;
      const B = (await this.org({ parentId: null, name: '乙县直属机关工委', code: 'B' })).id;
      const B1b = (await this.org({ parentId: B, type: 'branch', name: '乙县保密局党支部' })).id;
      return { A, A1, A1b1, A1b2, A2, A2b, B, B1b };
    },
    memberBody(orgId: number, over: Partial<MemberCreateBody> = {}): MemberCreateBody {
      const n = seq++;
      return {
        orgId, name: '测试党员', gender: 'male', idNumber: idNumber(n), joinDate: '2010-07-01', category: 'full', phone: '13900000000',
        education: '大学本科', ethnicity: '汉族', post: '科员', ...over,
      };
    },
    async member(orgId: number, over: Partial<MemberCreateBody> = {}) {
      return s.members.create(SYSTEM, this.memberBody(orgId, over));
    },
    async account(a: { username: string; role: Role; orgId: number | null; memberId?: number | null; password?: string; mustChange?: boolean }) {
      const now = iso(clock.now());
      const { id } = await s.db.kysely.insertInto('account').values({
        username: a.username, display_name: `${a.username}姓名`, password_hash: await hash(a.password ?? 'Test@2026pw'), role: a.role, org_id: a.orgId,
        member_id: a.memberId ?? null, status: 'active', must_change_password: a.mustChange ? 1 : 0, failed_attempts: 0, locked_until: null,
        last_login_at: null, password_changed_at: null, created_at: now, updated_at: now, version: 1,
      }).returning('id').executeTakeFirstOrThrow();
      return id;
    },
  };
}
export type Factories = ReturnType<typeof createFactories>;
