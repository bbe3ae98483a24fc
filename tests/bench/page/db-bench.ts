import {
  countApplications,
  getEnterprise,
  listVisits,
  loadEnterpriseIndex,
  logVisit,
  openDatabase,
  type SotayDb,
  searchEnterprises,
} from '../../../src/db';
import { toEnterpriseRow } from '../../../src/db/rows';
import type { Enterprise } from '../../../src/shared/schemas';
import { generateEnterprises, generateVisits, prng, randomUuid } from '../../fixtures/generate';

const UNIT = '00000000-0000-4000-8000-000000000002';
let db: SotayDb;
let enterprises: Enterprise[] = [];

async function time(fn: () => Promise<unknown> | unknown): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

function rawPut(idb: IDBDatabase, visit: object, outbox: object): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = idb.transaction(['visits', 'outbox'], 'readwrite');
    tx.objectStore('visits').put(visit);
    tx.objectStore('outbox').add(outbox);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}

function openRaw(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => {
      request.result.createObjectStore('visits', { keyPath: 'id' });
      request.result.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

const bench = {
  async seed(enterpriseCount: number, visitCount: number) {
    db = openDatabase({ name: `bench-${Date.now()}` });
    enterprises = generateEnterprises(enterpriseCount, UNIT);
    const visits = generateVisits(enterprises, visitCount);
    return time(async () => {
      await db.enterprises.bulkPut(enterprises.map((e) => toEnterpriseRow(e)));
      for (let i = 0; i < visits.length; i += 5000)
        await db.visits.bulkPut(visits.slice(i, i + 5000));
    });
  },
  async saveVisits(count: number) {
    const random = prng(9);
    const out: number[] = [];
    for (let i = 0; i < count; i++) {
      const enterprise = enterprises[Math.floor(random() * enterprises.length)] as Enterprise;
      const stageAfter = i % 2 === 0 ? 'persuading' : enterprise.stage;
      const visit = {
        id: randomUuid(random),
        enterpriseId: enterprise.id,
        visitedAt: '2026-11-22T09:00:00+07:00',
        purposes: ['persuade_workers' as const],
        peopleMet: [],
        stageBefore: enterprise.stage,
        stageAfter,
        outcome: 'Bench visit',
      };
      out.push(await time(() => logVisit(db, visit)));
    }
    return out;
  },
  async rawSaves(count: number) {
    const idb = await openRaw(`raw-${Date.now()}`);
    const random = prng(10);
    const out: number[] = [];
    for (let i = 0; i < count; i++) {
      const id = randomUuid(random);
      const visit = {
        id,
        enterpriseId: enterprises[0]?.id,
        outcome: 'Bench visit',
        purposes: ['survey'],
      };
      const row = {
        mutationId: randomUuid(random),
        entity: 'visit',
        entityId: id,
        op: 'put',
        data: visit,
      };
      out.push(await time(() => rawPut(idb, visit, row)));
    }
    idb.close();
    return out;
  },
  async openEnterprises(count: number) {
    const random = prng(11);
    const out: number[] = [];
    for (let i = 0; i < count; i++) {
      const id = (enterprises[Math.floor(random() * enterprises.length)] as Enterprise).id;
      out.push(
        await time(() =>
          Promise.all([getEnterprise(db, id), listVisits(db, id), countApplications(db, id)]),
        ),
      );
    }
    return out;
  },
  async search(text: string) {
    let index = await loadEnterpriseIndex(db);
    const load = await time(async () => {
      index = await loadEnterpriseIndex(db);
    });
    const perKeystroke: number[] = [];
    let results = 0;
    for (let i = 1; i <= text.length; i++) {
      perKeystroke.push(
        await time(() => {
          results = searchEnterprises(index, { query: text.slice(0, i) }).length;
        }),
      );
    }
    return { load, perKeystroke, results };
  },
};

(window as unknown as { sotayBench: typeof bench }).sotayBench = bench;
(document.getElementById('state') as HTMLElement).textContent = 'ready';
