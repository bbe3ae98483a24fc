import { afterEach, describe, expect, it } from 'vitest';
import { describeError, type Load, watchLoad } from '../../../src/app/data/load';
import { getEnterprise, type SotayDb, StorageFullError, saveEnterprise } from '../../../src/db';
import { makeEnterprise } from '../../fixtures/records';
import { freshDb } from '../db/support';

let db: SotayDb;
let stops: (() => void)[] = [];

afterEach(() => {
  for (const stop of stops) stop();
  stops = [];
  db?.close();
});

/** Watches `read`, recording every state reported. */
function watch<T>(read: (signal: AbortSignal) => Promise<T | undefined>, preloaded?: T) {
  const states: Load<T>[] = [];
  const watching = watchLoad(db, { tables: ['enterprises'], read, preloaded }, (state) =>
    states.push(state),
  );
  stops.push(watching.stop);
  return { states, watching, last: () => states.at(-1) };
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i += 1) await new Promise((r) => setTimeout(r, 5));
  expect(condition()).toBe(true);
}

describe('watchLoad: the four states of a screen', () => {
  it('is ready with the value read', async () => {
    db = freshDb();
    const enterprise = await saveEnterprise(db, makeEnterprise());
    const { last } = watch(() => getEnterprise(db, enterprise.id));
    await until(() => last()?.status === 'ready');
    expect(last()).toMatchObject({ status: 'ready', value: { name: enterprise.name } });
  });

  it('says not found when the record is not on the device', async () => {
    db = freshDb();
    const { last } = watch(() => getEnterprise(db, makeEnterprise().id));
    await until(() => last() !== undefined);
    expect(last()).toEqual({ status: 'notFound' });
  });

  it('reads again after a write to its tables: a record saved later appears', async () => {
    db = freshDb();
    const record = makeEnterprise();
    const { last } = watch(() => getEnterprise(db, record.id));
    await until(() => last()?.status === 'notFound');
    await saveEnterprise(db, record);
    await until(() => last()?.status === 'ready');
  });

  it('fails with the error, and a retry shows loading then the value', async () => {
    db = freshDb();
    let calls = 0;
    const { states, watching, last } = watch(async () => {
      calls += 1;
      if (calls === 1) throw new StorageFullError('closed', new Error('gone'));
      return 'read';
    });
    await until(() => last()?.status === 'failed');
    const failed = last();
    expect(failed?.status === 'failed' && describeError(failed.error)).toMatch(/hết chỗ lưu/);
    watching.retry();
    expect(last()).toEqual({ status: 'loading' });
    await until(() => last()?.status === 'ready');
    expect(states.map((s) => s.status)).toEqual(['failed', 'loading', 'ready']);
  });

  it('shows a preloaded value without reading, then reads one at a time, the last write last', async () => {
    db = freshDb();
    let reads = 0;
    let running = 0;
    let most = 0;
    const { states } = watch(async () => {
      reads += 1;
      running += 1;
      most = Math.max(most, running);
      const mine = reads;
      await new Promise((r) => setTimeout(r, 20));
      running -= 1;
      return `read ${mine}`;
    }, 'preloaded');
    expect(reads).toBe(0);
    // Three writes while the first read runs: one more read after it, not three.
    const writes = [1, 2, 3].map((n) => makeEnterprise({ name: `Công ty ${n}` }));
    await saveEnterprise(db, writes[0] ?? makeEnterprise());
    await Promise.all(
      writes.slice(1).map((e) => saveEnterprise(db, { ...e, id: crypto.randomUUID() })),
    );
    await until(() => states.length > 0 && running === 0);
    expect(most).toBe(1);
    expect(reads).toBeLessThanOrEqual(3);
    expect(states.at(-1)).toEqual({ status: 'ready', value: `read ${reads}` });
  });

  it('reports nothing once stopped', async () => {
    db = freshDb();
    let answered = false;
    const { states, watching } = watch(async () => {
      answered = true;
      return 'x';
    });
    watching.stop();
    await until(() => answered);
    await Promise.resolve();
    expect(states).toEqual([]);
  });

  it('aborts the signal of a read still running once stopped, and not before', async () => {
    db = freshDb();
    let signal: AbortSignal | undefined;
    let finish: () => void = () => undefined;
    const { states, watching } = watch(async (given) => {
      signal = given;
      await new Promise<void>((resolve) => {
        finish = resolve;
      });
      return 'x';
    });
    await until(() => signal !== undefined);
    expect(signal?.aborted).toBe(false);
    watching.stop();
    expect(signal?.aborted).toBe(true);
    finish();
    await Promise.resolve();
    expect(states).toEqual([]);
  });
});

describe('describeError', () => {
  it.each<[unknown, RegExp]>([
    [new StorageFullError('quota', new Error('full')), /hết chỗ lưu/],
    [new Error('Database broke'), /^Database broke$/],
    ['plain text', /^plain text$/],
  ])('%s → %s', (error, expected) => {
    expect(describeError(error)).toMatch(expected);
  });
});
