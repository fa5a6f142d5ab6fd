// Secrets at rest: AES-256-GCM for personal data, HMAC-SHA256 blind index for exact lookups,
// scrypt for passwords. The key comes from ZHENDI_SECRET_KEY or a key file created in the data dir.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const scryptRaw = promisify(crypto.scrypt) as (pw: string, salt: Buffer, len: number, opts: crypto.ScryptOptions) => Promise<Buffer>;

// scrypt holds 128·N·r bytes (16 MB) on a libuv worker thread while it runs. Two at a time: a burst of logins
// adds 32 MB to the server's memory instead of 64 MB (all four threads), and leaves threads for file I/O.
const SCRYPT_AT_ONCE = 2;
let scrypting = 0;
const scryptQueue: (() => void)[] = [];

async function scrypt(pw: string, salt: Buffer, len: number, opts: crypto.ScryptOptions): Promise<Buffer> {
  if (scrypting < SCRYPT_AT_ONCE) scrypting++;
  else await new Promise<void>((resolve) => scryptQueue.push(resolve)); // a finishing call hands its slot over
  try {
    return await scryptRaw(pw, salt, len, opts);
  } finally {
    const next = scryptQueue.shift();
    if (next) next();
    else scrypting--;
  }
}

export interface Cipher {
  encrypt(plain: string): string;
  decrypt(stored: string): string;
  blindIndex(value: string): string;
}

export function loadOrCreateKey(secretKey: string | null, dataDir: string): Buffer {
  if (secretKey) return Buffer.from(secretKey, 'hex');
  const file = path.join(dataDir, 'secret.key');
  if (fs.existsSync(file)) return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');
  fs.mkdirSync(dataDir, { recursive: true });
  const key = crypto.randomBytes(32);
  fs.writeFileSync(file, key.toString('hex'), { mode: 0o600 });
  return key;
}

export function createCipher(master: Buffer): Cipher {
  // Separate sub-keys so the index key never encrypts and vice versa.
  const encKey = crypto.createHmac('sha256', master).update('zhendi:enc:v1').digest();
  const idxKey = crypto.createHmac('sha256', master).update('zhendi:idx:v1').digest();
  return {
    encrypt(plain) {
      const iv = crypto.randomBytes(12);
      const c = crypto.createCipheriv('aes-256-gcm', encKey, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return `v1.${Buffer.concat([iv, c.getAuthTag(), body]).toString('base64')}`;
    },
    decrypt(stored) {
      const raw = Buffer.from(stored.slice(3), 'base64');
      const d = crypto.createDecipheriv('aes-256-gcm', encKey, raw.subarray(0, 12));
      d.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString('utf8');
    },
    blindIndex(value) {
      return crypto.createHmac('sha256', idxKey).update(value).digest('base64url');
    },
  };
}

const SCRYPT = { N: 16384, r: 8, p: 1, keylen: 32 };

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(16);
  const hash = await scrypt(password, salt, SCRYPT.keylen, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p });
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt') return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, { N: Number(n), r: Number(r), p: Number(p) });
  return crypto.timingSafeEqual(expected, actual);
}

/** A password to compare against when the account does not exist, so timing does not reveal it. */
export const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

export const randomToken = (bytes = 16) => crypto.randomBytes(bytes).toString('base64url');
export const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

export interface PasswordPolicy { minLength: number; minClasses: number }
/** Returns a Chinese message for the first unmet rule, or null when the password is acceptable. */
export function checkPasswordPolicy(pw: string, policy: PasswordPolicy, username?: string): string | null {
  if (pw.length < policy.minLength) return `密码长度至少 ${policy.minLength} 位`;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(pw)).length;
  if (classes < policy.minClasses) return `密码须包含大写字母、小写字母、数字、符号中的至少 ${policy.minClasses} 类`;
  if (username && pw.toLowerCase().includes(username.toLowerCase())) return '密码不能包含用户名';
  return null;
}
