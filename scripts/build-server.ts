// Compiles the server (server/src and contracts/, tests left out) to plain JavaScript in dist/, so the server
// process runs node on it without a TypeScript loader: tsx in the process costs it some 40 MB of memory (its
// compiler and every module's source map), against a budget of 300 MB. The transform is esbuild's, the one
// tsx applies at run time, file by file (no bundling), so dist/ runs exactly what tsx would.
// `npm start` and `npm run demo` call it first: it rebuilds only when a source is newer than the last build
// (--force: always). Tests and `npm run migrate` still run the sources through tsx.
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const OUT = path.join(root, 'dist');
const STAMP = path.join(OUT, '.built');
const SOURCE_DIRS = ['server/src', 'contracts'];

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** Whether dist/ is missing or older than a source, or the list of sources changed (a file added or removed). */
function stale(files: string[]): boolean {
  if (!fs.existsSync(STAMP)) return true;
  const built = fs.statSync(STAMP).mtimeMs;
  const dirs = (d: string): string[] => [d, ...fs.readdirSync(d, { withFileTypes: true }).filter((e) => e.isDirectory()).flatMap((e) => dirs(path.join(d, e.name)))];
  // A folder's time changes when a file in it is added, removed or renamed.
  const watched = [...files, ...SOURCE_DIRS.flatMap((d) => dirs(path.join(root, d))), path.join(root, 'tsconfig.json'), path.join(root, 'package.json')];
  return watched.some((f) => fs.statSync(f).mtimeMs > built);
}

export async function buildServer(force = false): Promise<boolean> {
  const files = SOURCE_DIRS.flatMap((d) => sources(path.join(root, d)));
  if (!force && !stale(files)) return false;
  // Built aside and swapped in, so a server starting meanwhile never sees half a build.
  const tmp = `${OUT}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  await build({
    entryPoints: files, outdir: tmp, outbase: root, format: 'esm', platform: 'node', target: 'node20',
    tsconfig: path.join(root, 'tsconfig.json'), logLevel: 'warning',
  });
  fs.writeFileSync(path.join(tmp, '.built'), `${new Date().toISOString()}\n`);
  const old = `${OUT}.old-${process.pid}`;
  if (fs.existsSync(OUT)) fs.renameSync(OUT, old);
  fs.renameSync(tmp, OUT);
  fs.rmSync(old, { recursive: true, force: true });
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  const t0 = performance.now();
  if (await buildServer(process.argv.includes('--force'))) console.log(`已编译服务端到 dist/（${Math.round(performance.now() - t0)} ms）`);
}
