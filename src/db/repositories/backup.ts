import * as v from 'valibot';
import { readIndicatorEntry } from '../../shared/domain/entry-migration';
import { fromValibot } from '../../shared/domain/issues';
import type { PullEntity } from '../../shared/schemas';
import { nowIso } from '../clock';
import { type SotayDb, TABLE_NAMES, type TableName } from '../database';
import { guardStorage, ValidationError } from '../errors';
import { ENTITY_TABLES, type MetaRow, type OutboxRow, type ShadowRow } from '../rows';
import { protectTables, revealBackup } from '../vault';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type Backup,
  type BackupTables,
  backupSchema,
  rowSchemas,
} from './backup-format';
import { toStoredRow } from './entity-tables';
import { recordServerCopy } from './server-copy';

/** Never exported nor imported: the session, the keys and what they unlock with. */
const SECRET_META_KEYS: ReadonlySet<string> = new Set([
  'session',
  'sessionKey',
  'vault',
  'serverSealKey',
  'signOut',
]);

/**
 * Every table, read in one transaction so the copy is consistent; JSON-serialisable. Personal
 * fields are opened (the app must be unlocked): the file itself is encrypted with the user's
 * passphrase (src/shared/crypto, "Backup file").
 */
export async function exportAll(db: SotayDb): Promise<Backup> {
  return revealBackup(db, await readAll(db));
}

function readAll(db: SotayDb): Promise<Backup> {
  const tables = TABLE_NAMES.map((name) => db.table(name));
  return db.transaction('r', tables, async () => {
    const copy: Partial<Record<TableName, unknown[]>> = {};
    for (const name of TABLE_NAMES) copy[name] = await db.table(name).toArray();
    const meta = (copy.meta ?? []) as MetaRow[];
    copy.meta = meta.filter((row) => !SECRET_META_KEYS.has(row.key));
    // Each table was read from the table of that name, so the rows have its row type.
    return {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: nowIso(),
      tables: copy as BackupTables,
    };
  });
}

export type ImportCounts = { added: number; updated: number; skipped: number; invalid: number };
/** Totals over every table, and per table. */
export type ImportResult = ImportCounts & { tables: Record<TableName, ImportCounts> };

const ENTITY_OF_TABLE: Partial<Record<TableName, PullEntity>> = Object.fromEntries(
  Object.entries(ENTITY_TABLES).map(([entity, table]) => [table, entity]),
);

/**
 * Restores a backup into this database, idempotently: a record is added when missing, replaces
 * the stored one only when newer (version, then localUpdatedAt), and is skipped otherwise; outbox
 * rows are de-duplicated by mutationId; meta keys are only added. Rows failing their schema are
 * counted as invalid and left out. Throws ValidationError when the file is not a backup.
 */
export async function importAll(db: SotayDb, backup: unknown): Promise<ImportResult> {
  const parsed = v.safeParse(backupSchema, backup);
  if (!parsed.success) throw new ValidationError('backup', fromValibot('backup', parsed.issues));
  const result = emptyResult();
  const valid = {} as BackupTables;
  for (const name of TABLE_NAMES) {
    const counts = result.tables[name];
    (valid as Record<TableName, unknown[]>)[name] = current(
      name,
      parsed.output.tables[name],
    ).filter((row) => {
      const ok = v.is(rowSchemas[name], row);
      if (!ok) counts.invalid += 1;
      return ok;
    });
  }
  // Personal fields are encrypted before the transaction, as for every write of them.
  const incoming = await protectTables(db, valid);
  const tables = TABLE_NAMES.map((name) => db.table(name));
  return guardStorage(() =>
    db.transaction('rw', tables, async () => {
      for (const name of TABLE_NAMES) {
        const counts = result.tables[name];
        const rows = incoming[name] as unknown as Record<string, unknown>[];
        await importTable(db, name, rows, counts);
        for (const key of ['added', 'updated', 'skipped', 'invalid'] as const) {
          result[key] += counts[key];
        }
      }
      return result;
    }),
  );
}

/**
 * A backup made before version 3 may hold entries of the first model (`{indicator, delta}`): they
 * are read as the device's upgrade reads them (readIndicatorEntry), so none is lost.
 */
function current(name: TableName, rows: Record<string, unknown>[]): Record<string, unknown>[] {
  if (name !== 'indicatorEntries') return rows;
  return rows.map((row) => ('kind' in row ? row : (readIndicatorEntry(row) ?? row)));
}

function emptyCounts(): ImportCounts {
  return { added: 0, updated: 0, skipped: 0, invalid: 0 };
}

function emptyResult(): ImportResult {
  const tables = Object.fromEntries(TABLE_NAMES.map((name) => [name, emptyCounts()]));
  return { ...emptyCounts(), tables: tables as Record<TableName, ImportCounts> };
}

function importTable(
  db: SotayDb,
  name: TableName,
  rows: Record<string, unknown>[],
  counts: ImportCounts,
): Promise<void> {
  // Rows passed rowSchemas[name] above, so they have the shape of their table.
  if (name === 'outbox') return importOutbox(db, rows as unknown as OutboxRow[], counts);
  if (name === 'shadows') return importShadows(db, rows as unknown as ShadowRow[], counts);
  if (name === 'meta') return importMeta(db, rows as unknown as MetaRow[], counts);
  return importRecords(db, name, rows as unknown as StampedRow[], counts);
}

type StampedRow = { id: string; version?: number; localUpdatedAt?: string };

function isNewer(incoming: StampedRow, stored: StampedRow): boolean {
  const [a, b] = [incoming.version ?? 0, stored.version ?? 0];
  if (a !== b) return a > b;
  return (incoming.localUpdatedAt ?? '') > (stored.localUpdatedAt ?? '');
}

async function importRecords(
  db: SotayDb,
  name: TableName,
  rows: StampedRow[],
  counts: ImportCounts,
): Promise<void> {
  const entity = ENTITY_OF_TABLE[name];
  if (entity === undefined) return;
  const table = db.table<StampedRow, string>(name);
  const stored = await table.bulkGet(rows.map((row) => row.id));
  const writes: Record<string, unknown>[] = [];
  rows.forEach((row, index) => {
    const existing = stored[index];
    if (existing !== undefined && !isNewer(row, existing)) {
      counts.skipped += 1;
      return;
    }
    counts[existing === undefined ? 'added' : 'updated'] += 1;
    writes.push(toStoredRow(entity, row, row.localUpdatedAt));
  });
  await db.table(name).bulkPut(writes);
}

/** Into an empty outbox rows keep their seq; otherwise they queue after the local ones, in order. */
async function importOutbox(db: SotayDb, rows: OutboxRow[], counts: ImportCounts): Promise<void> {
  const keepSeq = (await db.outbox.count()) === 0;
  const known = await db.outbox
    .where('mutationId')
    .anyOf(rows.map((row) => row.mutationId))
    .toArray();
  const seen = new Set(known.map((row) => row.mutationId));
  const ordered = [...rows].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
  for (const row of ordered) {
    if (seen.has(row.mutationId)) {
      counts.skipped += 1;
      continue;
    }
    seen.add(row.mutationId);
    const { seq, ...rest } = row;
    await db.outbox.add(keepSeq && typeof seq === 'number' ? row : rest);
    counts.added += 1;
  }
}

async function importShadows(db: SotayDb, rows: ShadowRow[], counts: ImportCounts): Promise<void> {
  for (const row of rows) {
    const existed = (await db.shadows.get([row.entity, row.entityId])) !== undefined;
    const data = row.deleted === true ? undefined : row.data;
    const recorded = await recordServerCopy(db, row.entity, row.entityId, row.version, data);
    counts[!recorded ? 'skipped' : existed ? 'updated' : 'added'] += 1;
  }
}

async function importMeta(db: SotayDb, rows: MetaRow[], counts: ImportCounts): Promise<void> {
  for (const row of rows) {
    if (SECRET_META_KEYS.has(row.key) || (await db.meta.get(row.key)) !== undefined) {
      counts.skipped += 1;
      continue;
    }
    await db.meta.add(row);
    counts.added += 1;
  }
}
