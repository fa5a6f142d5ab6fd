import type { MemberRow } from '../../platform/db/types.js';
import type { MemberDetail, MemberListItem } from '../../../../contracts/schemas.js';
import type { Gender, MemberCategory, MemberStatus } from '../../../../contracts/enums.js';
import type { Cipher } from '../../platform/crypto.js';

export function presentListItem(r: MemberRow & { org_name: string }): MemberListItem {
  return {
    id: r.id, name: r.name, gender: r.gender as Gender, birthDate: r.birth_date, idNumberMasked: r.id_number_masked,
    phoneMasked: r.phone_masked, education: r.education, joinDate: r.join_date, category: r.category as MemberCategory,
    orgId: r.org_id, orgName: r.org_name, post: r.post, status: r.status as MemberStatus,
  };
}

export function presentDetail(
  r: MemberRow, cipher: Cipher, org: { name: string; path: string },
  transfers: { id: number; from_name: string; to_name: string; transfer_date: string; reason: string | null; at: string }[],
): MemberDetail {
  return {
    ...presentListItem({ ...r, org_name: org.name }),
    ethnicity: r.ethnicity, idNumber: cipher.decrypt(r.id_number_enc), phone: r.phone_enc ? cipher.decrypt(r.phone_enc) : null,
    probationStart: r.probation_start, probationEnd: r.probation_end, orgPath: org.path, version: r.version,
    transfers: transfers.map((t) => ({ id: t.id, fromOrgName: t.from_name, toOrgName: t.to_name, transferDate: t.transfer_date, reason: t.reason, at: t.at })),
  };
}
