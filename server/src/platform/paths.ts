// The repository's root (the folder of package.json), for the files the server reads beside its code:
// web/dist, web/public, standards/. Found by walking up, so it is the same whether the server runs from
// server/src (tsx, the tests) or from its compiled copy under dist/ (npm start; scripts/build-server.ts).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export const ROOT_DIR = findRoot(path.dirname(fileURLToPath(import.meta.url)));
