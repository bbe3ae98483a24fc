import Dexie, { type DexieOptions, type EntityTable, type Table, type Transaction } from 'dexie';
import { migrateIndicatorEntry } from '../shared/domain/entry-legacy';
import type { LegacyIndicatorEntry } from '../shared/schemas';
import { INDICATORS } from '../shared/schemas/enums';
import type {
  EnterpriseRow,
  IndicatorEntryRow,
  MetaRow,
  OutboxRow,
  ShadowRow,
  SignupRow,
  TargetRow,
  UnitRow,
  VisitRow,
} from './rows';
import { enterpriseSearchKey } from './rows';
import { listRank } from './search';

/**
 * The one IndexedDB database of the app. Each version's store definitions are exported so that a
 * test can build a database at an old version and prove the upgrade to the current one keeps every
 * record (tests/unit/db/upgrade.test.ts). Never edit a released version: add one (README.md).
 */

export const DEFAULT_DB_NAME = 'sotay';

/** Version 1: every table; enterprises without a search key. */
export const STORES_V1 = {
  enterprises: 'id, unitId, stage, wardCode, assignedTo, nextFollowUp',
  visits: 'id, enterpriseId, visitedAt, [enterpriseId+visitedAt], nextFollowUp',
  signups: 'id, enterpriseId, status, localUpdatedAt',
  targets: 'id, [unitId+year]',
  units: 'id, parentId',
  indicatorEntries: 'id, unitId, date',
  outbox: '++seq, &mutationId, [entity+entityId], state',
  shadows: '[entity+entityId]',
  meta: 'key',
} as const;

/**
 * Version 2: enterprises carry `searchKey` (not indexed: the search matches every word anywhere in
 * it, in memory, which no IndexedDB index can serve); signups gain [enterpriseId+status] so the
 * application count of an enterprise is an index count.
 */
export const STORES_V2 = {
  ...STORES_V1,
  signups: 'id, enterpriseId, status, localUpdatedAt, [enterpriseId+status]',
} as const;

/**
 * Version 3: the supervisor pushes targets and indicator entries. Targets gain a `year` index (the
 * targets table shows every unit of a year at once); entries of the first model (`{indicator,
 * delta}`) are rewritten in the kinds of docs/design.md §3 by migrateIndicatorEntry, the function
 * the server's migration and a backup import use.
 */
export const STORES_V3 = {
  ...STORES_V2,
  targets: 'id, [unitId+year], year',
} as const;

/**
 * Version 6 (3 to 5 are other tables' versions): the progress screen's first figures come from
 * indexes rather than rows. Applications gain [status+decision.date] (the admissions of a span
 * of days are an index count) and enterprises `foundedAt` (only those founded in the year are
 * read). Only the tables it changes: Dexie keeps every other table as the versions before left it.
 */
export const STORES_V6 = {
  enterprises: `${STORES_V1.enterprises}, foundedAt`,
  signups: `${STORES_V2.signups}, [status+decision.date]`,
} as const;

/**
 * Version 7: enterprises carry `listOrder`, indexed, the number that puts them in the list's
 * order up to the name (search.ts `listRank`), so that the list's first screen is one short
 * index read instead of the whole table. Only the enterprises change.
 */
export const STORES_V7 = {
  enterprises: `${STORES_V6.enterprises}, listOrder`,
} as const;

/**
 * Version 8: the supervisor's admissions queue reads its first screen through an index.
 * Applications gain [status+signedAt]: the earliest signed waiting applications, in the queue's
 * order, without reading the 2,000 behind them. Neither part is a personal field (both are
 * stored in clear already), so nothing needs deriving: no upgrade function. No index on the ID
 * number: it is a personal field, encrypted at rest (§6). Only the applications change.
 */
export const STORES_V8 = {
  signups: `${STORES_V6.signups}, [status+signedAt]`,
} as const;

export const CURRENT_VERSION = 8;

/**
 * Every table of the current version at once: what Dexie makes of the declarations above, each
 * later one over the earlier (the "versions declared" test proves them the same).
 */
export const CURRENT_STORES = { ...STORES_V3, ...STORES_V6, ...STORES_V7, ...STORES_V8 } as const;

type V1Enterprise = Omit<EnterpriseRow, 'searchKey' | 'listOrder'> & { searchKey?: string };

type V2Enterprise = Omit<EnterpriseRow, 'listOrder'> & { listOrder?: number };

/** v2 → v7: derive the list order of every enterprise already stored. */
export async function upgradeToV7(tx: Transaction): Promise<void> {
  await tx
    .table<V2Enterprise, string>('enterprises')
    .toCollection()
    .modify((row) => {
      row.listOrder = listRank(row);
    });
}

/** v1 → v2: derive the search key of every enterprise already stored. */
export async function upgradeToV2(tx: Transaction): Promise<void> {
  await tx
    .table<V1Enterprise, string>('enterprises')
    .toCollection()
    .modify((row) => {
      row.searchKey = enterpriseSearchKey(row);
    });
}

/**
 * An entry in the first model's shape. A shape check, not the schema: the database opens on the
 * first screen, which does not carry Valibot (the server checked these rows when it sent them).
 */
function isLegacyEntry(row: Record<string, unknown>): row is LegacyIndicatorEntry {
  return (
    !('kind' in row) &&
    (INDICATORS as readonly unknown[]).includes(row['indicator']) &&
    Number.isInteger(row['delta'])
  );
}

/**
 * v2 → v3: every entry still in the first model's shape becomes its kind (or an adjustment),
 * by migrateIndicatorEntry; nothing is dropped: a row of neither shape is left as it was.
 */
export async function upgradeToV3(tx: Transaction): Promise<void> {
  await tx
    .table<Record<string, unknown>, string>('indicatorEntries')
    .toCollection()
    .modify((row, ref) => {
      if (isLegacyEntry(row)) ref.value = migrateIndicatorEntry(row);
    });
}

export class SotayDb extends Dexie {
  declare readonly enterprises: EntityTable<EnterpriseRow, 'id'>;
  declare readonly visits: EntityTable<VisitRow, 'id'>;
  declare readonly signups: EntityTable<SignupRow, 'id'>;
  declare readonly targets: EntityTable<TargetRow, 'id'>;
  declare readonly units: EntityTable<UnitRow, 'id'>;
  declare readonly indicatorEntries: EntityTable<IndicatorEntryRow, 'id'>;
  declare readonly outbox: EntityTable<OutboxRow, 'seq'>;
  declare readonly shadows: Table<ShadowRow, [string, string]>;
  declare readonly meta: EntityTable<MetaRow, 'key'>;

  /**
   * `installedIsCurrent`: the phone's database is known to be at CURRENT_VERSION already
   * (installedIsCurrent in open.ts asked IndexedDB), so no upgrade can run and only the current
   * version is declared. Otherwise every version with an upgrade function is declared too: since
   * Dexie 3 an upgrade starts from the schema a phone has installed, not from its declaration, and
   * the later declarations hold every table and index of v1 and v6 (built on them). Each
   * declaration costs every start: Dexie merges and parses all of them again at each one (four
   * declarations made 20 parses of the schema, 30–40 ms of a slow phone's start, npm run bench,
   * coldStart). The upgrade test proves both ways give the same schema.
   */
  constructor(name: string = DEFAULT_DB_NAME, options?: DexieOptions, installedIsCurrent = false) {
    super(name, options);
    if (installedIsCurrent) {
      this.version(CURRENT_VERSION).stores(CURRENT_STORES);
      return;
    }
    this.version(2).stores(STORES_V2).upgrade(upgradeToV2);
    this.version(3).stores(STORES_V3).upgrade(upgradeToV3);
    this.version(7).stores(STORES_V7).upgrade(upgradeToV7);
    this.version(8).stores(STORES_V8);
  }
}

/** Table names, for code that walks every table (backup, logout). */
export const TABLE_NAMES = Object.keys(STORES_V3) as (keyof typeof STORES_V3)[];
export type TableName = (typeof TABLE_NAMES)[number];
