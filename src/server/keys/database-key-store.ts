import * as v from 'valibot';
import { type SealKeyPair, sealPrivateJwkSchema } from '../../shared/crypto';
import type { Sql, Store } from '../store/types';
import { type AddMode, SealKeyError, type SealKeyRecord, type SealKeyStore } from './key-store';

/** Sealing keys in the `seal_keys` table (migrations/004-seal-keys.ts). */

// Any constant works; it only has to be the same for every server sharing one database.
const SEAL_KEYS_LOCK = 7_461_004;

type SealKeyRow = {
  kid: string;
  private_jwk: unknown;
  is_current: boolean;
  created_at: Date | string;
  retired_at: Date | string | null;
};

const COLUMNS = 'kid, private_jwk, is_current, created_at, retired_at';

function toRecord(row: SealKeyRow): SealKeyRecord {
  const privateJwk = v.safeParse(sealPrivateJwkSchema, row.private_jwk);
  if (!privateJwk.success) {
    throw new SealKeyError(
      `The seal key ${row.kid} in the database is damaged: restore the seal_keys table from a backup.`,
    );
  }
  return {
    kid: row.kid,
    privateJwk: privateJwk.output,
    current: row.is_current,
    createdAt: new Date(row.created_at).toISOString(),
    retiredAt: row.retired_at === null ? null : new Date(row.retired_at).toISOString(),
  };
}

async function currentIn(tx: Sql): Promise<SealKeyRecord | undefined> {
  const result = await tx.query<SealKeyRow>(`SELECT ${COLUMNS} FROM seal_keys WHERE is_current`);
  const row = result.rows[0];
  return row ? toRecord(row) : undefined;
}

export function databaseSealKeyStore(db: Store): SealKeyStore {
  return {
    location: 'the database (table seal_keys)',

    async list() {
      const result = await db.query<SealKeyRow>(
        `SELECT ${COLUMNS} FROM seal_keys ORDER BY created_at DESC, kid`,
      );
      return result.rows.map(toRecord);
    },

    async add(key: SealKeyPair, mode: AddMode) {
      const current = await db.transaction(async (tx) => {
        await tx.query('SELECT pg_advisory_xact_lock($1)', [SEAL_KEYS_LOCK]);
        const existing = await currentIn(tx);
        if (existing && mode === 'if-none') return existing;
        await tx.query('UPDATE seal_keys SET is_current = false WHERE is_current');
        const inserted = await tx.query<SealKeyRow>(
          `INSERT INTO seal_keys (kid, private_jwk, is_current) VALUES ($1, $2::jsonb, true)
           RETURNING ${COLUMNS}`,
          [key.kid, JSON.stringify(key.privateJwk)],
        );
        return toRecord(inserted.rows[0] as SealKeyRow);
      });
      // A key handed to devices must outlive a crash, or what they seal for it never opens.
      await db.flush();
      return current;
    },

    async retire(kid: string) {
      const outcome = await db.transaction(async (tx) => {
        await tx.query('SELECT pg_advisory_xact_lock($1)', [SEAL_KEYS_LOCK]);
        const found = await tx.query<SealKeyRow>(
          `SELECT ${COLUMNS} FROM seal_keys WHERE kid = $1`,
          [kid],
        );
        const row = found.rows[0];
        if (!row) return 'unknown';
        if (row.is_current) return 'current';
        if (row.retired_at !== null) return 'already_retired';
        await tx.query('UPDATE seal_keys SET retired_at = now() WHERE kid = $1', [kid]);
        return 'retired';
      });
      await db.flush();
      return outcome;
    },
  };
}
