import { describe, expect, it } from 'vitest';
import {
  acknowledge,
  applyRemoteChanges,
  exportAll,
  importAll,
  logVisit,
  markAttempt,
  type SotayDb,
  saveEnterprise,
  saveSession,
  saveSignupDraft,
  setMeta,
  submitSignup,
  updateSyncState,
  ValidationError,
} from '../../../src/db';
import {
  IDS,
  makeEnterprise,
  makeIndicatorEntry,
  makeLegacyIndicatorEntry,
  makeSignup,
  makeSignupDraft,
  makeTarget,
  makeUnit,
  makeUser,
  makeVisit,
} from '../../fixtures/records';
import { freshDb } from './support';

const NOW = '2025-03-05T08:00:00.000Z';

/** A device with something in every table, a sent row and an acknowledged one. */
async function populated(): Promise<SotayDb> {
  const db = freshDb('source');
  await applyRemoteChanges(db, [
    { entity: 'target', entityId: IDS.target, version: 1, deleted: false, data: makeTarget() },
    { entity: 'unit', entityId: makeUnit().id, version: 1, deleted: false, data: makeUnit() },
    {
      entity: 'indicatorEntry',
      entityId: IDS.indicatorEntry,
      version: 1,
      deleted: false,
      data: makeIndicatorEntry(),
    },
  ]);
  await saveEnterprise(db, makeEnterprise());
  await markAttempt(db, [1]);
  await acknowledge(db, 1, { version: 1 });
  await logVisit(db, makeVisit());
  await markAttempt(db, [2]);
  await saveSignupDraft(db, makeSignupDraft());
  await submitSignup(db, makeSignup());
  await setMeta(db, 'clientId', IDS.client);
  await updateSyncState(db, { cursor: 'c-7' });
  await saveSession(db, { token: 'secret-token', user: makeUser(), signedInAt: NOW });
  return db;
}

/** JSON round trip: what a backup file holds. */
function asFile(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

describe('exportAll', () => {
  it('holds every table but never the session secret', async () => {
    const backup = await exportAll(await populated());

    expect(backup).toMatchObject({ format: 'sotay-backup', version: 1 });
    expect(backup.tables.enterprises).toHaveLength(1);
    expect(backup.tables.visits).toHaveLength(1);
    expect(backup.tables.signups).toHaveLength(2);
    expect(backup.tables.outbox.length).toBeGreaterThan(0);
    // The acknowledged enterprise, and the pulled target and entry (a supervisor pushes them too).
    expect(backup.tables.shadows).toHaveLength(3);
    expect(backup.tables.meta.map((row) => row.key).sort()).toEqual(['clientId', 'syncState']);
    expect(JSON.stringify(backup)).not.toContain('secret-token');
  });
});

describe('importAll', () => {
  it('restores into a fresh database exactly what was exported', async () => {
    const source = await populated();
    const backup = asFile(await exportAll(source));
    const target = freshDb('target');

    const result = await importAll(target, backup);

    const restored = asFile(await exportAll(target)) as { tables: unknown };
    expect(restored.tables).toEqual((backup as { tables: unknown }).tables);
    expect(result.invalid).toBe(0);
    expect(result.skipped).toBe(0);
    expect(result.tables.signups).toEqual({ added: 2, updated: 0, skipped: 0, invalid: 0 });
  });

  it('adds nothing the second time', async () => {
    const backup = asFile(await exportAll(await populated()));
    const target = freshDb('target');
    const first = await importAll(target, backup);
    const before = asFile(await exportAll(target)) as { tables: unknown };

    const second = await importAll(target, backup);

    expect(second.added + second.updated).toBe(0);
    expect(second.skipped).toBe(first.added);
    expect((asFile(await exportAll(target)) as { tables: unknown }).tables).toEqual(before.tables);
  });

  it('keeps the newer copy of a record on either side', async () => {
    const target = freshDb('target');
    await applyRemoteChanges(target, [
      {
        entity: 'enterprise',
        entityId: IDS.enterprise,
        version: 5,
        deleted: false,
        data: makeEnterprise({ notes: 'máy này, v5' }),
      },
      {
        entity: 'unit',
        entityId: makeUnit().id,
        version: 1,
        deleted: false,
        data: makeUnit({ name: 'Cũ' }),
      },
    ]);
    const backup = {
      format: 'sotay-backup',
      version: 1,
      exportedAt: '2025-03-05T08:00:00.000Z',
      tables: {
        enterprises: [{ ...makeEnterprise({ notes: 'bản sao, v4' }), version: 4, searchKey: 'x' }],
        units: [{ ...makeUnit({ name: 'Mới' }), version: 2 }],
      },
    };

    const result = await importAll(target, backup);

    expect(result.tables.enterprises.skipped).toBe(1);
    expect(result.tables.units.updated).toBe(1);
    expect((await target.enterprises.get(IDS.enterprise))?.notes).toBe('máy này, v5');
    expect((await target.units.get(makeUnit().id))?.name).toBe('Mới');
  });

  it.each([
    ['not an object', 'hello'],
    ['another format', { format: 'other', version: 1, exportedAt: '', tables: {} }],
    ['a future version', { format: 'sotay-backup', version: 2, exportedAt: '', tables: {} }],
    [
      'a table that is not a list',
      { format: 'sotay-backup', version: 1, exportedAt: '', tables: { visits: {} } },
    ],
  ])('refuses %s', async (_label, file) => {
    const db = freshDb();
    await expect(importAll(db, file)).rejects.toBeInstanceOf(ValidationError);
  });

  it('leaves out rows that fail their schema and counts them', async () => {
    const db = freshDb();
    const result = await importAll(db, {
      format: 'sotay-backup',
      version: 1,
      exportedAt: '2025-03-05T08:00:00.000Z',
      tables: {
        visits: [makeVisit(), { ...makeVisit({ id: IDS.signup }), purposes: [] }],
        meta: [{ key: 'session', value: { token: 'stolen' } }],
      },
    });

    expect(result.tables.visits).toEqual({ added: 1, updated: 0, skipped: 0, invalid: 1 });
    expect(await db.visits.count()).toBe(1);
    expect(await db.meta.get('session')).toBeUndefined();
  });

  it('reads the entries of a backup made before version 3 as the upgrade does', async () => {
    const db = freshDb();
    const result = await importAll(db, {
      format: 'sotay-backup',
      version: 1,
      exportedAt: '2025-03-05T08:00:00.000Z',
      tables: {
        indicatorEntries: [makeLegacyIndicatorEntry({ indicator: 'net_members', delta: -4 })],
      },
    });

    expect(result.tables.indicatorEntries).toEqual({
      added: 1,
      updated: 0,
      skipped: 0,
      invalid: 0,
    });
    expect(await db.indicatorEntries.get(IDS.indicatorEntry)).toMatchObject({
      kind: 'left',
      count: 4,
    });
  });
});
