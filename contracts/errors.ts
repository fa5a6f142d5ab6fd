// Stable error codes. Clients branch on `code`, never on message text.
export const ERROR_CODES = [
  'VALIDATION', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'RATE_LIMITED',
  'ACCOUNT_LOCKED', 'BAD_CREDENTIALS', 'PASSWORD_CHANGE_REQUIRED', 'PASSWORD_POLICY', 'CSRF',
  'SESSION_EXPIRED', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA', 'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
/** Every error response body has this shape. */
export interface ErrorBody {
  code: ErrorCode;
  message: string; // Chinese, for people
  requestId: string;
  details?: { field?: string; message: string }[];
}
