// The one object every service method takes: who acts, from where, in which request.
import type { Role } from '../../../contracts/enums.js';

export interface Actor {
  accountId: number;
  username: string;
  displayName: string;
  role: Role;
  orgId: number | null; // null: the system administrator, whose scope is every root
  memberId: number | null;
  ip: string | null;
  requestId: string | null;
}

/** Context of a request made before anyone is known (login). */
export interface RequestContext { ip: string | null; requestId: string | null }
