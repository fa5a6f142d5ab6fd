// Builds the web interface when web/dist is missing or older than its sources, so `npm start` just works.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

const root = path.resolve(import.meta.dirname, '..');
const index = path.join(root, 'web/dist/index.html');

function newest(dir: string): number {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

const sources = Math.max(newest(path.join(root, 'web/src')), newest(path.join(root, 'contracts')), fs.statSync(path.join(root, 'web/index.html')).mtimeMs);
if (!fs.existsSync(index) || fs.statSync(index).mtimeMs < sources) {
  console.log('正在构建网页界面（首次启动约需半分钟）…');
  execFileSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
}
