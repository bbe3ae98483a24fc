import { decryptJson, encryptJson, open, seal } from '../../shared/crypto';
import type { PersonalEntity } from '../../shared/domain/personal-fields';
import type { SotayDb } from '../database';
import { vaultContext } from './context';
import type { VaultBasis } from './state';

/**
 * Personal fields at rest (docs/design.md §6, "Privacy on the phone"): a record's personal fields
 * (PERSONAL_FIELDS) leave the stored row and go, as one ciphertext, into its `personal` field,
 * bound to the record's table and id. Wherever a copy of the record is kept on the device (its
 * row, its outbox row's `data` and `base`, its shadow) it is kept in this protected form, so
 * src/db moves it around as an opaque value; only the repository reads reveal it.
 *
 * Unlocked: AES-GCM under the data key. Locked (capture at the gate, a pull by the worker):
 * sealed to the device's own public key, which only the unlocked app opens. Before the
 * installation has a PIN (and so a vault) nothing is protected yet: the app asks for the PIN
 * before it stores anything, and protectClearRows encrypts what an older version left in clear.
 */

const TABLES: Record<PersonalEntity, string> = { signup: 'signups', visit: 'visits' };

/** What encryptJson or seal made of the personal fields; opaque outside this folder. */
export type PersonalBlob = Record<string, unknown>;

type Row = Record<string, unknown>;

function place(entity: PersonalEntity, id: string) {
  return { table: TABLES[entity], id };
}

/**
 * The record in its stored form. Runs BEFORE the write's transaction (Web Crypto is not
 * IndexedDB: awaiting it inside would commit the transaction). A record already protected, or
 * with no personal field (a pull without them), is returned as it is. Given `basis`, its vault is
 * the one used when locked (the caller checks it again in its transaction); else it is read.
 */
export async function protectRecord<T extends object>(
  db: SotayDb,
  entity: PersonalEntity,
  record: T,
  basis?: VaultBasis,
): Promise<T> {
  const { PERSONAL_FIELD } = vaultContext().fields;
  const split = vaultContext().fields.splitPersonal(entity, record);
  if (split === undefined) return record;
  const id = String((record as Row)['id']);
  const { unlockedKeys, readVault } = vaultContext();
  const keys = unlockedKeys(db);
  if (keys !== undefined) {
    const blob = await encryptJson(keys.dataKey, place(entity, id), split.personal);
    return { ...split.rest, [PERSONAL_FIELD]: blob } as T;
  }
  const vault = basis === undefined ? await readVault(db) : basis.vault;
  if (vault === undefined) return record;
  // Wiped after ten wrong PINs: nothing readable is kept until a new PIN is set.
  if (vault.device === undefined) return split.rest as T;
  const { publicJwk, kid } = vault.device;
  const blob = await seal(publicJwk, kid, split.personal, sealContext(entity, id));
  return { ...split.rest, [PERSONAL_FIELD]: blob } as T;
}

export function protectRecords<T extends object>(
  db: SotayDb,
  entity: PersonalEntity,
  records: readonly T[],
): Promise<T[]> {
  return Promise.all(records.map((record) => protectRecord(db, entity, record)));
}

function sealContext(entity: PersonalEntity, id: string): string {
  return `${TABLES[entity]}:${id}`;
}

/** The personal fields of a stored record; undefined when locked, wiped or unreadable. */
export async function openPersonal(
  db: SotayDb,
  entity: PersonalEntity,
  row: object,
): Promise<Row | undefined> {
  const blob = (row as Row)[vaultContext().fields.PERSONAL_FIELD];
  const keys = vaultContext().unlockedKeys(db);
  if (blob === undefined || keys === undefined) return undefined;
  const id = String((row as Row)['id']);
  try {
    const opened =
      typeof blob === 'object' && blob !== null && 'epk' in blob
        ? await open(keys.deviceOpeners, blob, sealContext(entity, id))
        : await decryptJson(keys.dataKey, place(entity, id), blob);
    return typeof opened === 'object' && opened !== null ? (opened as Row) : undefined;
  } catch {
    // Another installation's key (a backup restored elsewhere) or damage: shown as locked.
    return undefined;
  }
}

/**
 * The record as the screens read it: personal fields back in place when the app is unlocked;
 * locked, the row without them (counts and enterprise names only). The protected form's field
 * never leaves this function.
 */
export async function revealRow<T extends object>(
  db: SotayDb,
  entity: PersonalEntity,
  row: T,
): Promise<T> {
  const { PERSONAL_FIELD } = vaultContext().fields;
  if (!(PERSONAL_FIELD in row)) return row;
  const { [PERSONAL_FIELD]: _blob, ...rest } = row as Row;
  const personal = await openPersonal(db, entity, row);
  return { ...rest, ...personal } as T;
}

export function revealRows<T extends object>(
  db: SotayDb,
  entity: PersonalEntity,
  rows: readonly T[],
): Promise<T[]> {
  return Promise.all(rows.map((row) => revealRow(db, entity, row)));
}
