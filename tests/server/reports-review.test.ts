import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/server/store/types';
import {
  daysBetween,
  type ReviewFilter,
  reviewList,
  todayInVietnam,
} from '../../src/shared/domain';
import type { ReviewList, ReviewRow } from '../../src/shared/protocol';
import type { Enterprise, Visit } from '../../src/shared/schemas';
import { makeVisit } from '../fixtures/records';
import { type Account, type App, call, testApp } from '../helpers/api';
import { openMigratedStore, storeFactories } from '../helpers/stores';
import {
  accounts,
  deleteRecord,
  download,
  enterprise,
  founded,
  makeUnit,
  storeRecords,
} from './reports-fixtures';

const CAI_KHE = '31120';
const NINH_KIEU = '31135';
const TRA_NOC = 'KCN Trà Nóc';

type Key =
  | 'huge'
  | 'oldBig'
  | 'newBig'
  | 'founding'
  | 'small'
  | 'unknown'
  | 'refused'
  | 'closed'
  | 'hasUnion'
  | 'otherOrg'
  | 'elsewhere'
  | 'deleted';

function visit(enterpriseId: string, visitedAt: string): Visit {
  return makeVisit({ id: randomUUID(), enterpriseId, visitedAt });
}

/**
 * The review list (rà soát): the SQL selection, then the shared order, against the shared
 * `reviewList` over the same records; and its XLSX and CSV.
 */
describe.each(storeFactories)('GET /api/reports/review on $name', (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: App;
  let supervisor: Account;
  let organizer: Account;
  let unitId: string;
  let enterprises: Enterprise[];
  let visits: Visit[];
  let named: Record<Key, Enterprise>;

  beforeAll(async () => {
    ({ store, dispose } = await openMigratedStore(factory));
    app = testApp(store);
    const F = await makeUnit(store, 'LĐLĐ TP. Cần Thơ', 'federation');
    const A = await makeUnit(store, 'CĐ các KCN', 'upper', F.id);
    const other = await makeUnit(store, 'LĐLĐ tỉnh khác', 'federation');
    unitId = F.id;
    ({ supervisor } = await accounts(store, F.id));
    ({ organizer } = await accounts(store, A.id));
    const at = (fields: Partial<Enterprise>, unit = A.id) =>
      enterprise(unit, {
        wardCode: CAI_KHE,
        industrialPark: undefined,
        stage: 'surveyed',
        ...fields,
      });
    named = {
      huge: at({
        name: 'Giày Tây Đô',
        workerCount: 3000,
        femaleWorkerCount: 2100,
        operatingSince: 2012,
        industrialPark: TRA_NOC,
        assignedTo: organizer.user.id,
        stage: 'persuading',
      }),
      oldBig: at({
        name: 'May Mekong',
        workerCount: 400,
        operatingSince: 1998,
        wardCode: NINH_KIEU,
      }),
      newBig: at({
        name: 'Điện tử Sao Mai',
        workerCount: 400,
        operatingSince: 2021,
        industrialPark: TRA_NOC,
      }),
      founding: at(
        {
          name: 'Thủy sản Hậu Giang',
          workerCount: 120,
          unionStatus: 'founding',
          stage: 'dossier_submitted',
        },
        F.id,
      ),
      small: at({ name: 'Cơ khí An Phú', workerCount: 24, operatingSince: 2015 }),
      unknown: at({
        name: 'Bánh kẹo Đông Á',
        workerCount: undefined,
        femaleWorkerCount: undefined,
      }),
      refused: at({ name: 'Gỗ Bình Minh', workerCount: 60, stage: 'refused' }),
      closed: at({ name: 'Đã đóng cửa', workerCount: 5000, stage: 'closed' }),
      hasUnion: founded(A.id, '2025-06-01', 900),
      otherOrg: at({
        name: 'Có tổ chức khác',
        workerCount: 700,
        unionStatus: 'other_org',
        stage: 'has_union',
      }),
      elsewhere: at({ name: 'Tỉnh khác', workerCount: 9000 }, other.id),
      deleted: at({ name: 'Đã xoá', workerCount: 8000 }),
    };
    enterprises = Object.values(named);
    visits = [
      visit(named.huge.id, '2026-11-01T09:00:00+07:00'),
      visit(named.huge.id, '2026-10-01T09:00:00+07:00'),
      // 17:30 UTC on 10 November is 00:30 on 11 November in Vietnam.
      visit(named.oldBig.id, '2026-11-10T17:30:00Z'),
      visit(named.small.id, '2025-12-31T08:00:00+07:00'),
    ];
    const gone = visit(named.small.id, '2026-11-20T08:00:00+07:00');
    await storeRecords(store, { enterprises, visits: [...visits, gone] });
    await deleteRecord(store, 'enterprise', named.deleted.id);
    await deleteRecord(store, 'visit', gone.id);
    enterprises = enterprises.filter((e) => e !== named.deleted && e !== named.elsewhere);
  });
  afterAll(() => dispose());

  async function list(query = ''): Promise<ReviewList> {
    const reply = await call(app, 'GET', `/api/reports/review?unitId=${unitId}${query}`, {
      token: supervisor.token,
    });
    expect(reply.status).toBe(200);
    return reply.body as ReviewList;
  }

  /** The shared functions over the same records. */
  function expected(today: string, filters: ReviewFilter = {}): ReviewRow[] {
    return reviewList(enterprises, filters).map((e) => {
      const times = visits
        .filter((v) => v.enterpriseId === e.id)
        .map((v) => Date.parse(v.visitedAt));
      const last = times.length === 0 ? undefined : todayInVietnam(new Date(Math.max(...times)));
      const row: ReviewRow = {
        enterpriseId: e.id,
        name: e.name,
        unitId: e.unitId,
        wardCode: e.wardCode,
        stage: e.stage,
      };
      if (e.industrialPark !== undefined) row.industrialPark = e.industrialPark;
      if (e.workerCount !== undefined) row.workerCount = e.workerCount;
      if (e.femaleWorkerCount !== undefined) row.femaleWorkerCount = e.femaleWorkerCount;
      if (e.operatingSince !== undefined) row.operatingSince = e.operatingSince;
      if (e.assignedTo !== undefined) {
        row.assignedTo = e.assignedTo;
        row.organizerName = organizer.user.displayName;
      }
      if (last !== undefined) {
        row.lastVisit = last;
        row.daysSinceVisit = daysBetween(last, today) as number;
      }
      return row;
    });
  }

  it('lists the enterprises without a union, largest then longest operating', async () => {
    const { rows, today } = await list();
    const ids = Object.fromEntries(Object.entries(named).map(([key, e]) => [e.id, key]));
    expect(rows.map((row) => ids[row.enterpriseId])).toEqual([
      'huge',
      'oldBig', // 400 workers since 1998
      'newBig', // 400 since 2021
      'founding', // being founded: no union yet
      'refused',
      'small',
      'unknown',
    ]);
    expect(rows).toEqual(expected(today));
    expect(rows[0]).toMatchObject({
      organizerName: organizer.user.displayName,
      lastVisit: '2026-11-01',
      femaleWorkerCount: 2100,
    });
    expect(rows[1]?.lastVisit).toBe('2026-11-11');
    expect(rows[5]?.lastVisit).toBe('2025-12-31'); // the later visit was deleted
  });

  it.each<[string, string, ReviewFilter]>([
    ['a ward', `&wardCode=${NINH_KIEU}`, { wardCode: NINH_KIEU }],
    [
      'an industrial park',
      `&industrialPark=${encodeURIComponent(TRA_NOC)}`,
      { industrialPark: TRA_NOC },
    ],
    ['at least 25 workers', '&minWorkers=25', { minWorkers: 25 }],
    ['a stage', '&stage=refused', { stage: 'refused' }],
    [
      'several at once',
      `&wardCode=${CAI_KHE}&minWorkers=100`,
      { wardCode: CAI_KHE, minWorkers: 100 },
    ],
  ])('filters by %s as the shared function does', async (_label, query, filters) => {
    const { rows, today } = await list(query);
    expect(rows).toEqual(expected(today, filters));
    expect(rows.length).toBeGreaterThan(0);
  });

  it('an organizer reads their own unit’s list', async () => {
    const reply = await call(app, 'GET', `/api/reports/review?unitId=${organizer.user.unitId}`, {
      token: organizer.token,
    });
    expect(reply.status).toBe(200);
    expect((reply.body as ReviewList).rows.map((r) => r.name)).not.toContain('Thủy sản Hậu Giang');
  });

  it('exports the list as XLSX and CSV, in the same order', async () => {
    const { rows, today } = await list();
    const xlsx = await download(
      app,
      supervisor,
      `/api/reports/review?unitId=${unitId}&format=xlsx`,
    );
    expect(xlsx.headers.get('content-disposition')).toBe(
      `attachment; filename="ra-soat-doanh-nghiep-${today}.xlsx"`,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.bytes.buffer as ArrayBuffer);
    const ws = workbook.worksheets[0];
    if (!ws) throw new Error('no worksheet');
    expect(ws.getCell('A2').value).toBe(
      'Danh sách doanh nghiệp chưa có tổ chức công đoàn — LĐLĐ TP. Cần Thơ',
    );
    expect(ws.getRow(5).values).toEqual([
      undefined,
      'STT',
      'Doanh nghiệp',
      'Phường/xã',
      'Khu công nghiệp',
      'Số lao động',
      'Lao động nữ',
      'Năm bắt đầu hoạt động',
      'Giai đoạn',
      'Cán bộ phụ trách',
      'Lần tiếp cận gần nhất',
      'Số ngày chưa tiếp cận',
    ]);
    const first = ws.getRow(6);
    expect(first.getCell(2).value).toBe('Giày Tây Đô');
    expect(first.getCell(3).value).toBe('Phường Cái Khế');
    expect(first.getCell(5).value).toBe(3000);
    expect(first.getCell(7).value).toBe(2012);
    expect(first.getCell(8).value).toBe('Đang vận động');
    expect(first.getCell(10).value).toEqual(new Date('2026-11-01T00:00:00Z'));
    expect(first.getCell(10).numFmt).toBe('dd/mm/yyyy');
    expect(first.getCell(11).value).toBe(rows[0]?.daysSinceVisit);
    expect(ws.rowCount).toBe(5 + rows.length);

    const csv = await download(app, supervisor, `/api/reports/review?unitId=${unitId}&format=csv`);
    expect([...csv.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(csv.bytes.slice(3)).trimEnd().split('\r\n');
    expect(lines).toHaveLength(4 + rows.length);
    expect(lines[4]?.startsWith('1,Giày Tây Đô,Phường Cái Khế,KCN Trà Nóc,3000,2100,2012,')).toBe(
      true,
    );
    expect(lines[4]).toContain(',01/11/2026,');
  });
});
