import { randomUUID } from 'node:crypto';
import type { Store } from '../../src/server/store/types';
import type { Unit } from '../../src/shared/schemas';
import { makeSignup } from '../fixtures/records';
import {
  accepted,
  accounts,
  enterprise,
  entry,
  founded,
  makeUnit,
  storeRecords,
  target,
} from './reports-fixtures';

/**
 * A federation's year 2026 for the report tests; every expectation is counted by hand from it.
 *
 * Units: F "LĐLĐ TP. Cần Thơ" > A "CĐ các KCN", N "CĐ ngành Y tế" (no targets), B "CĐ phường
 * Ninh Kiều". In March (counted in March unless said):
 * - A: 3 admissions decided on 31 March (the month's last day), 10 admitted outside on 5 March,
 *   1 application signed in December 2025 and accepted on 15 January (January), 1 accepted on
 *   31 December 2025 (last year), eA1 founded on 31 March at 30 workers (a CĐCS of ≥ 25), and
 *   in April 1 admission on 1 April; a submitted and a rejected application count nowhere;
 * - B: 2 admissions on 15 March, 4 members left on 20 March, 2 transferred in on 10 February;
 *   in April eB1 founded on 10 April at 12 workers and 1 transferred out on 30 April;
 * - N: 1 admission on 28 February (that month's last day), 2 introduced to the Party on 10 March;
 * - F's own: a new NĐCS on 15 April.
 * Targets 2026: F new_members 100, net_members 80, new_cdcs 4, new_cdcs_25 2, new_ndcs 1,
 * party_introductions 5; A new_members 40, new_cdcs 2, new_cdcs_25 1 (and 999 admissions for
 * 2025, another year); B new_members 20, net_members 10, new_cdcs 1; N none.
 */
export async function canThoScenario(store: Store) {
  const F = await makeUnit(store, 'LĐLĐ TP. Cần Thơ', 'federation');
  const A = await makeUnit(store, 'CĐ các KCN', 'upper', F.id);
  const B = await makeUnit(store, 'CĐ phường Ninh Kiều', 'commune', F.id);
  const N = await makeUnit(store, 'CĐ ngành Y tế', 'sector', F.id);
  const eA1 = founded(A.id, '2026-03-31', 30);
  const eA2 = enterprise(A.id, { stage: 'collecting_applications' });
  const eB1 = founded(B.id, '2026-04-10', 12);
  const eN1 = enterprise(N.id);
  await storeRecords(store, {
    enterprises: [eA1, eA2, eB1, eN1],
    signups: [
      accepted(eA2.id, '2026-03-31'),
      accepted(eA2.id, '2026-03-31'),
      accepted(eA2.id, '2026-03-31'),
      accepted(eA2.id, '2026-04-01'),
      accepted(eA1.id, '2026-01-15', '2025-12-20'),
      accepted(eA1.id, '2025-12-31', '2025-12-01'),
      makeSignup({ id: randomUUID(), enterpriseId: eA2.id, status: 'submitted' }),
      makeSignup({
        id: randomUUID(),
        enterpriseId: eA2.id,
        status: 'rejected',
        rejectionReason: 'Là giám đốc',
      }),
      accepted(eB1.id, '2026-03-15'),
      accepted(eB1.id, '2026-03-15'),
      accepted(eN1.id, '2026-02-28'),
    ],
    entries: [
      entry(A.id, 'admitted_outside', '2026-03-05', 10),
      entry(B.id, 'left', '2026-03-20', 4),
      entry(B.id, 'transferred_in', '2026-02-10', 2),
      entry(B.id, 'transferred_out', '2026-04-30', 1),
      entry(N.id, 'party_introduced', '2026-03-10', 2),
      entry(F.id, 'ndcs_founded', '2026-04-15', 1),
    ],
    targets: [
      target(F.id, 'new_members', 100),
      target(F.id, 'net_members', 80),
      target(F.id, 'new_cdcs', 4),
      target(F.id, 'new_cdcs_25', 2),
      target(F.id, 'new_ndcs', 1),
      target(F.id, 'party_introductions', 5),
      target(A.id, 'new_members', 40),
      target(A.id, 'new_cdcs', 2),
      target(A.id, 'new_cdcs_25', 1),
      target(A.id, 'new_members', 999, 2025),
      target(B.id, 'new_members', 20),
      target(B.id, 'net_members', 10),
      target(B.id, 'new_cdcs', 1),
    ],
  });
  const people = {
    F: await accounts(store, F.id),
    A: await accounts(store, A.id),
    B: await accounts(store, B.id),
  };
  return { F, A, B, N, units: [F, A, B, N] as Unit[], eA1, eA2, eB1, eN1, people };
}

export type CanTho = Awaited<ReturnType<typeof canThoScenario>>;
