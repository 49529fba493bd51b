import type { Database } from './database.js';

/** Writes `items` atomically (in one transaction, or one statement), answering one result per item, in order. */
export type GroupWrite<Item, Result> = (db: Database, items: Item[]) => Promise<Result[]>;

export type WriteQueue<Item, Result> = (item: Item) => Promise<Result>;

/**
 * Groups the writes of requests that arrive together into one atomic write, so a burst of batches costs one commit
 * (one WAL flush) instead of one each. Each caller's promise settles only after the commit that holds its item, so an
 * answer still means "stored". If a group fails, its items are written again one by one, so one bad item fails alone.
 */
export function createWriteQueue<Item, Result>(db: Database, write: GroupWrite<Item, Result>, { maxGroup = 64, parallel = 1 } = {}): WriteQueue<Item, Result> {
  let waiting: Array<{ item: Item; resolve: (result: Result) => void; reject: (error: unknown) => void }> = [];
  // PostgreSQL works on several transactions at once (and commits them together); PGlite has one connection.
  let writers = 0;

  async function drain(): Promise<void> {
    writers += 1;
    while (waiting.length > 0) {
      const group = waiting.slice(0, maxGroup);
      waiting = waiting.slice(maxGroup);
      try {
        const results = await write(db, group.map((entry) => entry.item));
        group.forEach((entry, index) => entry.resolve(results[index]!));
      } catch (error) {
        if (group.length === 1) {
          group[0]!.reject(error);
          continue;
        }
        for (const entry of group) {
          await write(db, [entry.item]).then(([result]) => entry.resolve(result!), entry.reject);
        }
      }
    }
    writers -= 1;
  }

  return (item) =>
    new Promise<Result>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      if (writers < parallel) void drain();
    });
}
