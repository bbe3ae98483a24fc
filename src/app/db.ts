import { getDb, type SotayDb } from '../db';

/** The app's one database handle (src/db owns opening and versions). */
export function appDb(): SotayDb {
  return getDb();
}
