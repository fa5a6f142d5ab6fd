// Gzip size of the JavaScript a first visit loads, per entry page, from web/dist/.vite/manifest.json.
// Run after `npm run build`: node web/scripts/first-load-size.mjs
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const manifest = JSON.parse(readFileSync(`${dist}.vite/manifest.json`, 'utf8'));

/** A chunk and everything it imports statically. */
function closure(key, seen = new Set()) {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const dep of manifest[key].imports ?? []) closure(dep, seen);
  return seen;
}

const gz = (file) => gzipSync(readFileSync(dist + file), { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} kB`;

const pages = {
  'admin (/ : layout + 首页)': ['src/components/AntdRoot.tsx', 'src/components/layout/AdminLayout.tsx', 'src/pages/home/HomePage.tsx'],
  'login (/login)': ['src/pages/login/LoginPage.tsx'],
  'member (/me)': ['src/pages/me/MePage.tsx'],
  'change password': ['src/pages/password/ChangePasswordPage.tsx'],
};

for (const [name, routes] of Object.entries(pages)) {
  const keys = new Set();
  for (const k of ['index.html', ...routes]) closure(k, keys);
  const files = [...keys].map((k) => manifest[k].file).filter((f) => f.endsWith('.js'));
  const total = files.reduce((sum, f) => sum + gz(f), 0);
  console.log(`${name.padEnd(28)} ${kb(total).padStart(10)} gzip JS in ${files.length} files`);
}
