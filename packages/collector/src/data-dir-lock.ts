import { readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

const LOCK_FILE = 'vitrine-collector.pid';
const lockedHere = new Set<string>();

/**
 * PGlite is one embedded Postgres per folder and does not notice a second one: two collectors on one
 * folder would corrupt it. A pid file refuses the second; one left by a crashed process is taken over.
 * Returns the release function.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const folder = resolve(dataDir);
  if (lockedHere.has(folder)) throw new Error(`${folder} is already open in this process`);
  const path = join(folder, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      await writeFile(path, `${process.pid}\n`, { flag: 'wx' });
      lockedHere.add(folder);
      return async () => {
        lockedHere.delete(folder);
        await rm(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number((await readFile(path, 'utf8').catch(() => '')).trim());
      if (isRunning(holder)) throw new Error(`${folder} is in use by another collector (pid ${holder}); stop it or use another data folder`);
      await rm(path, { force: true });
    }
  }
  throw new Error(`${folder}: could not take the lock ${LOCK_FILE}`);
}

function isRunning(pid: number): boolean {
  // Our own pid in the file is a leftover (a restarted container often gets the same pid): this process holds no lock.
  if (!Number.isSafeInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
