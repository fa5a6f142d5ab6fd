// One schema over the environment, parsed once at boot and frozen. Nothing else reads process.env.
import path from 'node:path';

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly databaseUrl: string | null;
  readonly adminPassword: string | null;
  readonly secretKey: string | null;
  readonly cookieSecure: boolean;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly passwordMinLength: number;
  readonly passwordMinClasses: number;
  readonly sessionIdleMinutes: number;
  readonly sessionAbsoluteHours: number;
  readonly loginMaxFailures: number;
  readonly loginLockMinutes: number;
  readonly loginRateLimitPerMinute: number;
  readonly trustProxy: boolean;
  /** Chat-robot webhooks may use http://127.0.0.1 (local receivers in tests); otherwise https only. */
  readonly webhookAllowHttp: boolean;
}

/** A bad setting: start-up stops with one line naming it, in Chinese and English. */
export class ConfigError extends Error {
  constructor(readonly variable: string, zh: string, en: string) {
    super(`配置错误 ${variable}：${zh} / Invalid ${variable}: ${en}`);
  }
}

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, def: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return def;
  if (!/^\d+$/.test(raw.trim())) throw new ConfigError(name, `应为整数，实际为“${raw}”`, `must be an integer, got "${raw}"`);
  const n = Number(raw.trim());
  if (n < min || n > max) throw new ConfigError(name, `应在 ${min} 到 ${max} 之间`, `must be between ${min} and ${max}`);
  return n;
}

function bool(env: Env, name: string, def: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return def;
  const v = raw.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  if (['0', 'false', 'no', 'off'].includes(v)) return false;
  throw new ConfigError(name, `应为 true 或 false，实际为“${raw}”`, `must be true or false, got "${raw}"`);
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export function loadConfig(env: Env = process.env, cwd = process.cwd()): Config {
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL', '只支持 postgres:// 开头的 PostgreSQL 连接串', 'only postgres:// URLs are supported');
  }
  const host = env.HOST?.trim() || '127.0.0.1';
  if (!/^[A-Za-z0-9.:\-[\]]+$/.test(host)) throw new ConfigError('HOST', `不是有效的地址“${host}”`, `not a valid address "${host}"`);
  const logLevel = (env.ZHENDI_LOG_LEVEL?.trim() || 'info') as Config['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError('ZHENDI_LOG_LEVEL', `应为 ${LOG_LEVELS.join('/')} 之一`, `must be one of ${LOG_LEVELS.join('/')}`);
  }
  const secretKey = env.ZHENDI_SECRET_KEY?.trim() || null;
  if (secretKey && !/^[0-9a-fA-F]{64}$/.test(secretKey)) {
    throw new ConfigError('ZHENDI_SECRET_KEY', '应为 64 位十六进制字符（32 字节）', 'must be 64 hex characters (32 bytes)');
  }
  const adminPassword = env.ZHENDI_ADMIN_PASSWORD || null;
  const config: Config = {
    port: int(env, 'PORT', 8080, 0, 65535),
    host,
    dataDir: path.resolve(cwd, env.ZHENDI_DATA_DIR?.trim() || 'data'),
    databaseUrl,
    adminPassword,
    secretKey,
    cookieSecure: bool(env, 'ZHENDI_COOKIE_SECURE', false),
    logLevel,
    passwordMinLength: int(env, 'ZHENDI_PASSWORD_MIN_LENGTH', 8, 6, 64),
    passwordMinClasses: int(env, 'ZHENDI_PASSWORD_MIN_CLASSES', 3, 1, 4),
    sessionIdleMinutes: int(env, 'ZHENDI_SESSION_IDLE_MINUTES', 30, 1, 24 * 60),
    sessionAbsoluteHours: int(env, 'ZHENDI_SESSION_ABSOLUTE_HOURS', 12, 1, 24 * 7),
    loginMaxFailures: int(env, 'ZHENDI_LOGIN_MAX_FAILURES', 5, 1, 100),
    loginLockMinutes: int(env, 'ZHENDI_LOGIN_LOCK_MINUTES', 30, 1, 24 * 60),
    loginRateLimitPerMinute: int(env, 'ZHENDI_LOGIN_RATE_LIMIT', 20, 1, 10000),
    trustProxy: bool(env, 'ZHENDI_TRUST_PROXY', false),
    webhookAllowHttp: bool(env, 'ZHENDI_WEBHOOK_ALLOW_HTTP', false),
  };
  return Object.freeze(config);
}
