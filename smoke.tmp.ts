import fs from 'node:fs';
import os from 'node:os';
import { Writable } from 'node:stream';
import { readMemberRows, writeMemberExport } from '/work/main/server/src/modules/member/member.xlsx.ts';
const tmpCount = () => fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith('tmp-')).length;
const file = '/tmp/smoke/100k.xlsx';
console.log('tmp files before', tmpCount());
let n = 0;
for await (const ev of readMemberRows(fs.createReadStream(file))) { if (++n === 10) break; }
console.log('after early break', tmpCount());
try { for await (const ev of readMemberRows(fs.createReadStream(file), { maxRows: 50 })) {} } catch (e) { console.log((e as Error).message); }
console.log('after maxRows', tmpCount());
// writer memory with a slow consumer
const m = () => `heap ${process.memoryUsage().heapUsed >> 20} rss ${process.memoryUsage().rss >> 20}`;
let bytes = 0;
const slow = new Writable({ highWaterMark: 16384, write(c, _e, cb) { bytes += c.length; setTimeout(cb, 1); } });
async function* rows() { for (let i = 1; i <= 300000; i++) { if (i % 50000 === 0) console.log('gen', i, m(), 'written', bytes >> 20, 'MB'); yield { name:'党员'+i, gender:'male', ethnicity:'汉族', birthDate:'1990-01-01', idNumber:'110105199001010010', phone:'13800000000', education:'大学本科', joinDate:'2015-07-01', category:'full', probationStart:null, probationEnd:null, orgName:'第一党支部', post:null, status:'active' }; } }
console.log(await writeMemberExport(slow, rows(), {}), m());
