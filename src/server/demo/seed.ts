import { randomBytes, randomUUID } from 'node:crypto';
import { todayInVietnam } from '../../shared/domain';
import type { Indicator, Target, Unit, UserRole } from '../../shared/schemas';
import { insertUnit } from '../accounts/units';
import { countUsers, insertUser } from '../accounts/users';
import { hashPassword } from '../auth/password';
import { lockWrites } from '../changes/write-lock';
import type { Sql, Store } from '../store/types';
import { demoEnterprises, demoNames } from './enterprises';
import { seededRandom } from './random';

export type DemoLogin = { username: string; password: string; role: UserRole; unit: string };

const FEDERATION = 'LĐLĐ TP. Cần Thơ';
const UNIT_KCN = 'Công đoàn các Khu chế xuất và công nghiệp Cần Thơ';
const UNIT_SECTOR = 'Công đoàn ngành Công Thương TP. Cần Thơ';

const PEOPLE = [
  { username: 'giamsat', displayName: 'Trần Thị Thu Hà', role: 'supervisor', unit: 0 },
  { username: 'lan.nt', displayName: 'Nguyễn Thị Lan', role: 'organizer', unit: 1 },
  { username: 'minh.tv', displayName: 'Trần Văn Minh', role: 'organizer', unit: 1 },
  { username: 'hoa.lt', displayName: 'Lê Thị Hoa', role: 'organizer', unit: 2 },
] as const;

/** Yearly targets of the federation; the two units get 60 % and 40 % of them. */
const FEDERATION_TARGETS: Record<Indicator, number> = {
  new_members: 1_000,
  net_members: 800,
  informal_members: 100,
  new_cdcs: 25,
  new_cdcs_25: 15,
  new_ndcs: 4,
  party_introductions: 30,
  party_admissions: 10,
};

export const DEMO_ENTERPRISES = 200;

function targetsFor(unitId: string, share: number, year: number): Target[] {
  return Object.entries(FEDERATION_TARGETS).map(([indicator, value]) => ({
    id: randomUUID(),
    unitId,
    year,
    indicator: indicator as Indicator,
    value: Math.round(value * share),
  }));
}

async function insertRecords(
  tx: Sql,
  entity: 'enterprise' | 'target',
  records: readonly { id: string; unitId: string }[],
): Promise<void> {
  const updatedAt = new Date().toISOString();
  const rows = records.map((record) => ({ ...record, version: 1, updatedAt }));
  // One statement for all rows: a few hundred round trips would dominate the seeding time.
  await tx.query(
    `INSERT INTO records (entity, id, unit_id, data, version, seq, updated_at)
     SELECT $1, (r->>'id')::uuid, (r->>'unitId')::uuid, r, 1, nextval('change_seq'), $3
     FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS t(r, n) ORDER BY n`,
    [entity, JSON.stringify(rows), updatedAt],
  );
}

async function createUnits(tx: Sql): Promise<Unit[]> {
  const federation = await insertUnit(tx, { name: FEDERATION, kind: 'federation' }, undefined);
  if (!federation) throw new Error('demo federation could not be created');
  const parentId = federation.id;
  const kcn = await insertUnit(tx, { name: UNIT_KCN, kind: 'upper', parentId }, undefined);
  const sector = await insertUnit(tx, { name: UNIT_SECTOR, kind: 'sector', parentId }, undefined);
  if (!kcn || !sector) throw new Error('demo units could not be created');
  return [federation, kcn, sector];
}

/**
 * The demo federation of docs/design.md §5 (`SEED=demo`): three units, a supervisor, three organizers,
 * 200 enterprises over real wards of Cần Thơ and this year's targets. Only on a database without
 * users, in one transaction under the write lock, so two servers starting together seed once.
 * Returns the logins (random passwords, never stored in clear) or undefined when nothing was done.
 */
export async function seedDemo(store: Store): Promise<DemoLogin[] | undefined> {
  if ((await countUsers(store)) > 0) return undefined;
  // Hashing is the slow part: done before the transaction so that no lock waits on it.
  const people = await Promise.all(
    PEOPLE.map(async (person) => {
      const password = randomBytes(9).toString('base64url');
      return { ...person, password, hash: await hashPassword(password) };
    }),
  );
  const logins = await store.transaction(async (tx) => {
    await lockWrites(tx);
    if ((await countUsers(tx)) > 0) return undefined;
    const units = await createUnits(tx);
    const unitAt = (index: number) => units[index] as Unit;
    const userIds: string[][] = units.map(() => []);
    for (const person of people) {
      const unitId = unitAt(person.unit).id;
      const user = await insertUser(tx, { ...person, unitId }, person.hash);
      if (user) userIds[person.unit]?.push(user.id);
    }
    const random = seededRandom(2025);
    const names = demoNames(random);
    const today = todayInVietnam();
    const areas = [
      { unitId: unitAt(1).id, organizerIds: userIds[1] ?? [], count: 120, inParks: true },
      { unitId: unitAt(2).id, organizerIds: userIds[2] ?? [], count: 80, inParks: false },
    ];
    await insertRecords(
      tx,
      'enterprise',
      areas.flatMap((area) => demoEnterprises(random, area, names, today)),
    );
    const year = Number(today.slice(0, 4));
    await insertRecords(tx, 'target', [
      ...targetsFor(unitAt(0).id, 1, year),
      ...targetsFor(unitAt(1).id, 0.6, year),
      ...targetsFor(unitAt(2).id, 0.4, year),
    ]);
    return people.map(({ username, password, role, unit }) => ({
      username,
      password,
      role,
      unit: unitAt(unit).name,
    }));
  });
  await store.flush();
  return logins;
}

/** The lines printed once on the console after seeding. */
export function describeDemoLogins(logins: readonly DemoLogin[]): string {
  return [
    'Demo data created (SEED=demo). Demo logins, shown only this once:',
    ...logins.map(
      (login) => `  ${login.username} / ${login.password}  (${login.role}, ${login.unit})`,
    ),
    'Start with SEED=none on a new database to skip the demo data.',
  ].join('\n');
}
