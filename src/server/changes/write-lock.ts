import type { Sql } from '../store/types';

// Any constant works; it only has to be the same for every server sharing one database.
const WRITE_LOCK = 7_461_002;

/**
 * Serialises every transaction that takes a change_seq value, until it commits.
 *
 * Why: a pull returns rows with seq > cursor in seq order and moves the cursor to the last seq it
 * saw. Without this lock, transaction A could take seq 10, B seq 11, B commit first, a pull read
 * 11 and move past 10, and A's row (committed later with the lower seq) would never be pulled.
 * Holding one lock from before nextval until commit makes seq order equal commit order. Call it
 * before reading the rows a write depends on, so version checks see the latest commit too.
 */
export async function lockWrites(tx: Sql): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK]);
}
