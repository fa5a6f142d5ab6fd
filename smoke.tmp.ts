import fs from 'node:fs';
import os from 'node:os';
import { readMemberRows } from '/work/main/server/src/modules/member/member.xlsx.ts';
const tmpFiles = () => fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith('tmp-'));
const file = '/tmp/smoke/100k.xlsx';
console.log('before', tmpFiles());
let n = 0;
const gen = readMemberRows(fs.createReadStream(file));
for await (const ev of gen) { if (++n === 10) break; }
console.log('after early break', tmpFiles());
await new Promise((r) => setTimeout(r, 500));
console.log('after 500ms', tmpFiles());
for await (const ev of readMemberRows(fs.createReadStream(file))) { ++n; }
console.log('after full read', tmpFiles());
await new Promise((r) => setTimeout(r, 500));
console.log('after 500ms', tmpFiles());
