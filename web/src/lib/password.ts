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
  return `至少 ${p.minLength} 位，且包含大写字母、小写字母、数字、符号中的至少 ${p.minClasses} 类。`;
}

/** The reason a password fails the policy, or null when it passes. */
export function policyProblem(pw: string, p: PasswordPolicy): string | null {
  if (pw.length < p.minLength) return `密码长度不能少于 ${p.minLength} 位`;
  const n = countClasses(pw);
  if (n < p.minClasses) return `密码需包含大写字母、小写字母、数字、符号中的至少 ${p.minClasses} 类（当前 ${n} 类）`;
  return null;
}

/** Default used where no Me is at hand (the server's default policy). */
export const DEFAULT_POLICY: PasswordPolicy = { minLength: 8, minClasses: 3 };
