// Stored files (evidence, photos): under <dataDir>/files, outside any web root, by generated names only.
// Keys look like "ab/ab12…ef.jpg"; the uploaded name is kept in the database for display, never on disk.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface Storage {
  /** Writes the bytes under a new generated key and answers the key. */
  put(bytes: Buffer, ext: string): Promise<string>;
  read(key: string): Promise<Buffer>;
  remove(key: string): Promise<void>;
}

const KEY = /^[0-9a-f]{2}\/[0-9a-f]{32}\.[a-z0-9]{1,5}$/;

export function createFileStorage(dataDir: string): Storage {
  const root = path.join(dataDir, 'files');
  const full = (key: string) => {
    // Keys come only from put(); checking the shape anyway keeps a bad row from reading outside the root.
    if (!KEY.test(key)) throw new Error(`bad storage key ${key}`);
    return path.join(root, key);
  };
  return {
    async put(bytes, ext) {
      const name = crypto.randomBytes(16).toString('hex');
      const key = `${name.slice(0, 2)}/${name}.${ext.toLowerCase().replace(/[^a-z0-9]/g, '').slice(0, 5) || 'bin'}`;
      await fs.promises.mkdir(path.dirname(full(key)), { recursive: true });
      await fs.promises.writeFile(full(key), bytes, { flag: 'wx' });
      return key;
    },
    read: (key) => fs.promises.readFile(full(key)),
    async remove(key) { await fs.promises.rm(full(key), { force: true }); },
  };
}
