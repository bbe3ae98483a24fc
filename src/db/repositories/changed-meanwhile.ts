import type { Table } from 'dexie';
import type { SealedEnvelope } from '../../shared/protocol/sealed';
import type { SotayDb } from '../database';
import { guardStorage } from '../errors';
import { lastVaultBasis, readVaultBasis, sealForServer, type VaultBasis } from '../vault';

/**
 * A save that sealed its record for the server before its transaction (the seal is Web Crypto,
 * which may not run inside it) found, in the transaction, that what it sealed is not what it
 * stores: the record as the transaction built it is `planned`, or the vault's rows it protected
 * and sealed with changed (`basis`). The save is done again from those.
 */
export class ChangedMeanwhile extends Error {
  override readonly name = 'ChangedMeanwhile';
  constructor(readonly changed: { planned?: { id: string }; basis?: VaultBasis } = {}) {
    super('the record changed between its seal and its transaction');
  }
}

/** Same record, field for field (both built by the same code from plain JSON values). */
export function sameRecord(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The envelope of the record a transaction stores, or undefined when nothing is sealed (no server
 * key pinned yet); throws ChangedMeanwhile when `record` is not the one sealed.
 */
export type SealFor = (record: { id: string }) => SealedEnvelope | undefined;

export type SealedWrite<P, R> = {
  entity: string;
  /** The tables `write` uses (the vault's row is added). */
  tables: Table[];
  /** The record as the transaction is expected to store it, in the server's form. */
  guess: { id: string };
  /** What the write needs made before its transaction (its record encrypted for the device). */
  prepare: (basis: VaultBasis) => Promise<P>;
  /** The transaction's work: builds the record from its own reads and asks `sealFor` for it. */
  write: (prepared: P, sealFor: SealFor) => Promise<R>;
};

const MAX_TRIES = 3;

/**
 * A write path's one way to store a record sealed for the server (docs/design.md §6, "Sealed
 * outbox"), with no read before its transaction:
 * - the record is encrypted and sealed from `guess` (what the form gave) and the vault's rows as
 *   last read in this context (vault/state.ts, VaultBasis);
 * - the transaction builds the record from its own reads, and reads those rows again beside them;
 * - when either differs (an edit on newer server fields, a stage filled in, a PIN set in another
 *   tab), nothing is written and the save is done again from what the transaction found.
 */
export async function sealedWrite<P, R>(db: SotayDb, save: SealedWrite<P, R>): Promise<R> {
  let planned = save.guess;
  let basis = await lastVaultBasis(db);
  for (let attempt = 1; ; attempt += 1) {
    const [prepared, sealed] = await Promise.all([
      save.prepare(basis),
      sealForServer(db, save.entity, planned, basis),
    ]);
    const sealFor: SealFor = (record) => {
      if (sealed !== undefined && !sameRecord(record, planned)) {
        throw new ChangedMeanwhile({ planned: record });
      }
      return sealed;
    };
    const used = basis;
    const unchanged = () =>
      readVaultBasis(db).then((now) => {
        if (!sameRecord(now, used)) throw new ChangedMeanwhile({ basis: now });
      });
    try {
      return await guardStorage(() =>
        db.transaction('rw', [...save.tables, db.meta], () =>
          // A rejection of either aborts the transaction: nothing of the write is kept.
          Promise.all([save.write(prepared, sealFor), unchanged()]).then(([result]) => result),
        ),
      );
    } catch (error) {
      if (!(error instanceof ChangedMeanwhile) || attempt >= MAX_TRIES) throw error;
      const { changed } = error;
      if (changed.planned === undefined && changed.basis === undefined) throw error;
      planned = changed.planned ?? planned;
      basis = changed.basis ?? basis;
    }
  }
}
