// Client-side check of the password policy (the server checks it again).
import type { Me } from '../api/types';

export type PasswordPolicy = Me['passwordPolicy'];

const CLASSES: { label: string; test: RegExp }[] = [
  { label: '大写字母', test: /[A-Z]/ },
  { label: '小写字母', test: /[a-z]/ },
  { label: '数字', test: /[0-9]/ },
  { label: '符号', test: /[^A-Za-z0-9]/ },
];

export function countClasses(pw: string): number {
  return CLASSES.filter((c) => c.test.test(pw)).length;
}

/** A sentence describing the policy, in Chinese. */
export function describePolicy(p: PasswordPolicy): string {
  return `至少 ${p.minLength} 位，包含大写字母、小写字母、数字、符号中的至少 ${p.minClasses} 类，且不能包含用户名。`;
}

/** The reason a password fails the policy, or null when it passes. The server also refuses a
 *  password that contains the username, so that is checked when the username is known. */
export function policyProblem(pw: string, p: PasswordPolicy, username?: string): string | null {
  if (pw.length < p.minLength) return `密码长度不能少于 ${p.minLength} 位`;
  const n = countClasses(pw);
  if (n < p.minClasses) return `密码需包含大写字母、小写字母、数字、符号中的至少 ${p.minClasses} 类（当前 ${n} 类）`;
  if (username && pw.toLowerCase().includes(username.toLowerCase())) return '密码不能包含用户名';
  return null;
}

/** Default used where no Me is at hand (the server's default policy). */
export const DEFAULT_POLICY: PasswordPolicy = { minLength: 8, minClasses: 3 };

/** A random password that meets the policy (for initial and reset passwords). */
export function generatePassword(p: PasswordPolicy): string {
  const sets = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnpqrstuvwxyz', '23456789', '@#%&*+=?'];
  const length = Math.max(p.minLength, 10);
  const pick = (s: string) => s[crypto.getRandomValues(new Uint32Array(1))[0] % s.length];
  const chars = sets.map(pick); // one of each class
  const all = sets.join('');
  while (chars.length < length) chars.push(pick(all));
  for (let i = chars.length - 1; i > 0; i--) {
    const j = crypto.getRandomValues(new Uint32Array(1))[0] % (i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}
