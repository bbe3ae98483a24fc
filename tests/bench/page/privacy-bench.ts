import {
  listDrafts,
  lockVault,
  logVisit,
  openDatabase,
  pinServerSealKey,
  type SotayDb,
  saveSignupDraft,
  setUpVault,
  submitSignup,
  unlockWithPin,
} from '../../../src/db';
import { toEnterpriseRow } from '../../../src/db/rows';
import { generateSealKeyPair } from '../../../src/shared/crypto';
import type { Enterprise, Signup, SignupDraft, Visit } from '../../../src/shared/schemas';
import { generateEnterprises, generateSignups, generateVisits } from '../../fixtures/generate';

/**
 * Issue 15's figures on the device (docs/design.md §6, "Privacy on the phone"), each beside the
 * same work on a database without a PIN, where nothing is encrypted: an application submitted
 * and a visit logged with the people met named (each encrypted for the device and sealed for the
 * server), the drafts list decrypted and painted,
 * and an unlock by PIN (PBKDF2-SHA-256, 600,000 iterations, as the app does it).
 */

const UNIT = '00000000-0000-4000-8000-000000000002';
const PIN = '583920';

type Phone = { db: SotayDb; enterprise: Enterprise };
let encrypted: Phone;
let plain: Phone;

async function time(fn: () => Promise<unknown> | unknown): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/** A phone with one enterprise; with a PIN (and the server's key pinned) when `vault`. */
async function phone(vault: boolean): Promise<Phone> {
  const db = openDatabase({ name: `privacy-${vault ? 'vault' : 'plain'}-${Date.now()}` });
  const [enterprise] = generateEnterprises(1, UNIT, 15) as [Enterprise];
  await db.enterprises.put(toEnterpriseRow(enterprise));
  if (vault) {
    const server = await generateSealKeyPair();
    await pinServerSealKey(db, { kid: server.kid, jwk: server.publicJwk });
    await setUpVault(db, PIN);
  }
  return { db, enterprise };
}

/** New visits naming a worker met (a personal field), each moving nothing. */
function visits(enterprise: Enterprise, count: number, seed: number): Visit[] {
  return generateVisits([enterprise], count, seed).map((visit, i) => ({
    ...visit,
    peopleMet: [{ name: `Nguyễn Thị Công Nhân ${i + 1}`, role: 'worker', phone: '+84987654321' }],
  }));
}

function applications(enterprise: Enterprise, count: number, seed: number): Signup[] {
  return generateSignups([enterprise], count, seed);
}

/** One draft per application, its fields half filled: what the drafts list holds. */
function drafts(enterprise: Enterprise, count: number, seed: number): SignupDraft[] {
  return applications(enterprise, count, seed).map((signup) => ({
    id: signup.id,
    enterpriseId: enterprise.id,
    status: 'draft',
    fullName: signup.fullName,
    dateOfBirth: signup.dateOfBirth,
    idNumber: signup.idNumber,
    ...(signup.phone === undefined ? {} : { phone: signup.phone }),
    signedAt: signup.signedAt,
  }));
}

/** The drafts list as the app draws it (names, completeness), painted: the next frame. */
async function paintDrafts(db: SotayDb): Promise<number> {
  const list = document.getElementById('drafts') as HTMLElement;
  const rows = await listDrafts(db);
  list.replaceChildren(
    ...rows.map((row) => {
      const item = document.createElement('li');
      item.textContent = `${row.fullName ?? ''} · ${row.signedAt ?? ''}`;
      return item;
    }),
  );
  await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  return rows.length;
}

const bench = {
  async setUp() {
    [encrypted, plain] = await Promise.all([phone(true), phone(false)]);
  },
  /** submitSignup of `count` new applications on each phone, in turn. */
  async saveSignups(count: number, seed: number) {
    const out = { encrypted: [] as number[], plain: [] as number[] };
    const list = applications(encrypted.enterprise, count, seed);
    for (const signup of list) {
      out.encrypted.push(await time(() => submitSignup(encrypted.db, signup)));
      const same = { ...signup, enterpriseId: plain.enterprise.id };
      out.plain.push(await time(() => submitSignup(plain.db, same)));
    }
    return out;
  },
  /** logVisit of `count` new visits on each phone, in turn. */
  async saveVisits(count: number, seed: number) {
    const out = { encrypted: [] as number[], plain: [] as number[] };
    for (const visit of visits(encrypted.enterprise, count, seed)) {
      out.encrypted.push(await time(() => logVisit(encrypted.db, visit)));
      const same = { ...visit, enterpriseId: plain.enterprise.id };
      out.plain.push(await time(() => logVisit(plain.db, same)));
    }
    return out;
  },
  async seedDrafts(count: number) {
    for (const target of [encrypted, plain]) {
      for (const draft of drafts(target.enterprise, count, 77)) {
        await saveSignupDraft(target.db, draft);
      }
    }
  },
  /** From the read to the list painted, on each phone in turn. */
  async listDrafts() {
    const start = performance.now();
    const shown = await paintDrafts(encrypted.db);
    const encryptedMs = performance.now() - start;
    const plainStart = performance.now();
    await paintDrafts(plain.db);
    return { encryptedMs, plainMs: performance.now() - plainStart, shown };
  },
  async unlock() {
    lockVault(encrypted.db);
    let ok = false;
    const ms = await time(async () => {
      ok = (await unlockWithPin(encrypted.db, PIN)).ok;
    });
    if (!ok) throw new Error('the PIN did not unlock');
    return ms;
  },
};

(window as unknown as { sotayBench: typeof bench }).sotayBench = bench;
(document.getElementById('state') as HTMLElement).textContent = 'ready';
