import { describe, expect, it } from 'vitest';
import {
  applyPushAnswers,
  applyRemoteChanges,
  conflictNotes,
  dismissConflictNote,
  getEnterprise,
  getSyncState,
  listConflictNotes,
  markAttempt,
  noticesAcknowledged,
  pendingOutbox,
  restoreConflictNote,
  type SotayDb,
  saveEnterprise,
  storeNotices,
  toMutation,
  unacknowledgedNotices,
  updateSyncState,
  ValidationError,
} from '../../../src/db';
import type { Notice } from '../../../src/shared/protocol';
import type { Enterprise } from '../../../src/shared/schemas';
import { fixtureId, IDS, makeEnterprise } from '../../fixtures/records';
import { freshDb } from './support';

const LAN = fixtureId(3, 1);
const MINH = fixtureId(3, 2);
const AT = '2026-03-02T03:04:05.000Z';
const LAN_ADDRESS = '45 Lê Hồng Phong, Trà Nóc';
const MY_ADDRESS = '7 Đường số 9, KCN Trà Nóc 2';

/** The server's copy of the enterprise at `version`, as a pull or a conflict carries it. */
function serverCopy(version: number, overrides: Partial<Enterprise> = {}): Enterprise {
  return makeEnterprise({ version, updatedAt: AT, updatedBy: LAN, ...overrides });
}

/** The device holds version 1 and edits the address; the edit is sent. */
async function editedOnVersion1(db: SotayDb): Promise<number> {
  await applyRemoteChanges(db, [
    {
      entity: 'enterprise',
      entityId: IDS.enterprise,
      version: 1,
      deleted: false,
      data: serverCopy(1, { updatedBy: MINH }),
    },
  ]);
  const stored = (await getEnterprise(db, IDS.enterprise)) as Enterprise;
  await saveEnterprise(db, { ...stored, address: MY_ADDRESS, workerCount: 330 });
  const [sent] = await markAttempt(
    db,
    (await pendingOutbox(db, 10)).map((row) => row.seq),
  );
  return sent?.seq as number;
}

async function conflictAnswer(db: SotayDb, seq: number, current: Enterprise, name?: string) {
  await applyPushAnswers(db, [
    {
      seq,
      result: {
        mutationId: crypto.randomUUID(),
        status: 'conflict',
        version: current.version as number,
        current,
        ...(name === undefined ? {} : { currentByName: name }),
      },
    },
  ]);
}

function notice(overrides: Partial<Notice> = {}): Notice {
  return {
    id: fixtureId(4, 1),
    entity: 'enterprise',
    entityId: IDS.enterprise,
    field: 'address',
    value: LAN_ADDRESS,
    replacement: MY_ADDRESS,
    version: 3,
    replacedBy: MINH,
    replacedByName: 'Trần Văn Minh',
    replacedAt: AT,
    ...overrides,
  };
}

describe('a merge over another user’s value', () => {
  it('queues the merged put with the server values it replaces, and notes both values', async () => {
    const db = freshDb();
    const seq = await editedOnVersion1(db);
    await conflictAnswer(db, seq, serverCopy(2, { address: LAN_ADDRESS }), 'Nguyễn Thị Lan');

    const [merged] = await pendingOutbox(db, 10);
    expect(merged).toMatchObject({
      baseVersion: 2,
      data: { address: MY_ADDRESS, workerCount: 330 },
      replaced: [{ field: 'address', value: LAN_ADDRESS }],
    });
    expect(toMutation(merged as NonNullable<typeof merged>).replaced).toEqual([
      { field: 'address', value: LAN_ADDRESS },
    ]);
    expect(conflictNotes(await getSyncState(db))).toEqual([
      {
        id: `merge:enterprise:${IDS.enterprise}:address`,
        kind: 'merged',
        entity: 'enterprise',
        entityId: IDS.enterprise,
        field: 'address',
        kept: MY_ADDRESS,
        lost: LAN_ADDRESS,
        restorable: true,
        by: 'Nguyễn Thị Lan',
        at: AT,
        noted: expect.any(String),
      },
    ]);
  });

  it('lists nothing when only one side changed each field', async () => {
    const db = freshDb();
    const seq = await editedOnVersion1(db);
    await conflictAnswer(db, seq, serverCopy(2, { notes: 'Ghi chú mới' }), 'Nguyễn Thị Lan');
    const [merged] = await pendingOutbox(db, 10);
    expect(merged?.data).toMatchObject({ address: MY_ADDRESS, notes: 'Ghi chú mới' });
    expect(merged?.replaced).toBeUndefined();
    expect(conflictNotes(await getSyncState(db))).toEqual([]);
  });

  it('keeps what it replaced when the merged put meets a new conflict', async () => {
    const db = freshDb();
    const seq = await editedOnVersion1(db);
    await conflictAnswer(db, seq, serverCopy(2, { address: LAN_ADDRESS }), 'Nguyễn Thị Lan');
    const [again] = await markAttempt(
      db,
      (await pendingOutbox(db, 10)).map((row) => row.seq),
    );
    // Meanwhile a third edit moved the record on, leaving Lan's address in place.
    await conflictAnswer(
      db,
      again?.seq as number,
      serverCopy(3, { address: LAN_ADDRESS, notes: 'Khác' }),
    );
    const [merged] = await pendingOutbox(db, 10);
    expect(merged).toMatchObject({
      baseVersion: 3,
      data: { address: MY_ADDRESS, notes: 'Khác' },
      replaced: [{ field: 'address', value: LAN_ADDRESS }],
    });
  });

  it('restores the other user’s value in one tap, as an ordinary edit, and drops the note', async () => {
    const db = freshDb();
    const seq = await editedOnVersion1(db);
    await conflictAnswer(db, seq, serverCopy(2, { address: LAN_ADDRESS }), 'Nguyễn Thị Lan');
    const [view] = await listConflictNotes(db);
    expect(view).toMatchObject({ exists: true, current: MY_ADDRESS });

    expect(await restoreConflictNote(db, view?.note.id as string)).toBe(true);
    expect((await getEnterprise(db, IDS.enterprise))?.address).toBe(LAN_ADDRESS);
    const rows = await pendingOutbox(db, 10);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.data).toMatchObject({ address: LAN_ADDRESS, workerCount: 330 });
    expect(await listConflictNotes(db)).toEqual([]);
    expect(await restoreConflictNote(db, view?.note.id as string)).toBe(false);
  });
});

describe('notices of this user’s replaced values', () => {
  async function pulledReplacement(db: SotayDb) {
    await applyRemoteChanges(db, [
      {
        entity: 'enterprise',
        entityId: IDS.enterprise,
        version: 3,
        deleted: false,
        data: serverCopy(3, { address: MY_ADDRESS, updatedBy: MINH }),
      },
    ]);
  }

  it('stores a notice once, to be acknowledged, and not again once dismissed', async () => {
    const db = freshDb();
    await pulledReplacement(db);
    await storeNotices(db, [notice()]);
    await storeNotices(db, [notice()]);
    const views = await listConflictNotes(db);
    expect(views).toEqual([
      {
        exists: true,
        current: MY_ADDRESS,
        note: {
          id: fixtureId(4, 1),
          kind: 'replaced',
          entity: 'enterprise',
          entityId: IDS.enterprise,
          field: 'address',
          kept: MY_ADDRESS,
          lost: LAN_ADDRESS,
          restorable: true,
          by: 'Trần Văn Minh',
          at: AT,
          noted: expect.any(String),
        },
      },
    ]);
    expect(await unacknowledgedNotices(db)).toEqual([fixtureId(4, 1)]);

    // Dismissed before the server heard of it: the next pull's copy is not noted again.
    await dismissConflictNote(db, fixtureId(4, 1));
    await storeNotices(db, [notice()]);
    expect(await listConflictNotes(db)).toEqual([]);
    await noticesAcknowledged(db, [fixtureId(4, 1)]);
    expect(await unacknowledgedNotices(db)).toEqual([]);
  });

  it('keeps no value of a personal field: the sync state is not encrypted', async () => {
    const db = freshDb();
    await storeNotices(db, [
      notice({
        entity: 'signup',
        entityId: IDS.signup,
        field: 'phone',
        value: '+84911222333',
        replacement: '+84988777666',
      }),
    ]);
    const [view] = await listConflictNotes(db);
    expect(view?.note).toMatchObject({ field: 'phone', restorable: false, by: 'Trần Văn Minh' });
    expect(view?.note).not.toHaveProperty('kept');
    expect(view?.note).not.toHaveProperty('lost');
    const stored = JSON.stringify(await db.meta.toArray());
    expect(stored).not.toContain('911222333');
    expect(stored).not.toContain('988777666');
  });

  it('restores the user’s own value in one tap on the version pulled', async () => {
    const db = freshDb();
    await pulledReplacement(db);
    await storeNotices(db, [notice()]);
    expect(await restoreConflictNote(db, fixtureId(4, 1))).toBe(true);
    expect((await getEnterprise(db, IDS.enterprise))?.address).toBe(LAN_ADDRESS);
    const [row] = await pendingOutbox(db, 10);
    expect(row).toMatchObject({ op: 'put', baseVersion: 3, data: { address: LAN_ADDRESS } });
    expect(row?.replaced).toBeUndefined();
    expect(await listConflictNotes(db)).toEqual([]);
  });

  it('restores an emptied field by clearing it', async () => {
    const db = freshDb();
    await pulledReplacement(db);
    const { value: _none, ...cleared } = notice({ field: 'sector', replacement: 'Dệt may' });
    await storeNotices(db, [cleared]);
    await restoreConflictNote(db, fixtureId(4, 1));
    expect((await getEnterprise(db, IDS.enterprise))?.sector).toBeUndefined();
  });

  it('refuses a restore the record’s rules refuse, writing nothing', async () => {
    const db = freshDb();
    await pulledReplacement(db);
    await storeNotices(db, [notice({ field: 'workerCount', value: -5, replacement: 320 })]);
    await expect(restoreConflictNote(db, fixtureId(4, 1))).rejects.toBeInstanceOf(ValidationError);
    expect(await pendingOutbox(db, 10)).toEqual([]);
    expect(await listConflictNotes(db)).toHaveLength(1);
  });

  it('reads notes stored before values were kept as notes without values', async () => {
    const db = freshDb();
    await updateSyncState(db, {
      conflicts: [
        { entity: 'enterprise', entityId: IDS.enterprise, fields: ['address', 'notes'], at: AT },
      ],
    });
    const notes = conflictNotes(await getSyncState(db));
    expect(notes.map((n) => [n.field, n.restorable, n.kind])).toEqual([
      ['address', false, 'merged'],
      ['notes', false, 'merged'],
    ]);
    expect(await restoreConflictNote(db, notes[0]?.id as string)).toBe(false);
    await dismissConflictNote(db, notes[0]?.id as string);
    expect(conflictNotes(await getSyncState(db)).map((n) => n.field)).toEqual(['notes']);
  });
});
