import type { SotayDb } from '../database';
import type { Backup, BackupTables } from '../repositories/backup-format';
import { protectRecords, revealRows } from './protect';
import { protectOutboxRow, protectShadow, revealOutboxRow, revealShadow } from './records';

/** A backup's tables with every personal field opened (the backup file is encrypted whole). */
export async function revealBackup(db: SotayDb, backup: Backup): Promise<Backup> {
  const { tables } = backup;
  const [signups, visits, outbox, shadows] = await Promise.all([
    revealRows(db, 'signup', tables.signups),
    revealRows(db, 'visit', tables.visits),
    Promise.all(tables.outbox.map((row) => revealOutboxRow(db, row))),
    Promise.all(tables.shadows.map((row) => revealShadow(db, row))),
  ]);
  return { ...backup, tables: { ...tables, signups, visits, outbox, shadows } };
}

/** Checked backup tables in their stored form, before the import's transaction. */
export async function protectTables(db: SotayDb, tables: BackupTables): Promise<BackupTables> {
  const [signups, visits, outbox, shadows] = await Promise.all([
    protectRecords(db, 'signup', tables.signups),
    protectRecords(db, 'visit', tables.visits),
    Promise.all(tables.outbox.map((row) => protectOutboxRow(db, row))),
    Promise.all(tables.shadows.map((row) => protectShadow(db, row))),
  ]);
  return { ...tables, signups, visits, outbox, shadows };
}
