import { describe, expect, it } from 'vitest';
import {
  activityByAuthor,
  countActivity,
  organizerRows,
  UNKNOWN_AUTHOR,
} from '../../../src/app/pages/progress/activity';
import { breakdownRows, breakdownTotal } from '../../../src/app/pages/progress/breakdown';
import { csvText } from '../../../src/app/pages/progress/csv';
import { indexFacts, rankedSubUnits, unitFigures } from '../../../src/app/pages/progress/figures';
import { stageCounts } from '../../../src/app/pages/progress/funnel';
import { activityRecordsHref } from '../../../src/app/pages/progress/links';
import { addProgressMessages } from '../../../src/app/pages/progress/messages';
import { namesOf, organizerName } from '../../../src/app/pages/progress/names';
import {
  decodeChoice,
  encodeChoice,
  headlineDates,
  type PeriodChoice,
  paceDate,
  reportMonth,
  toPeriod,
} from '../../../src/app/pages/progress/period-choice';
import {
  daysBetween,
  lastVisitOf,
  reviewCsvRows,
  reviewRows,
} from '../../../src/app/pages/progress/review-rows';
import { yearSeries } from '../../../src/app/pages/progress/year-series';
import type { ProgressEnterprise, ProgressSignup, ProgressVisit, Session } from '../../../src/db';
import {
  type IndicatorFact,
  indicatorFacts,
  monthPeriod,
  type Period,
  yearToDate,
} from '../../../src/shared/domain';
import type { IndicatorEntry, Target } from '../../../src/shared/schemas';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const FED = id(900);
const A = id(901);
const B = id(902);
const C = id(903);
const units = [
  { id: FED, name: 'LĐLĐ' },
  { id: A, name: 'CĐ A', parentId: FED },
  { id: B, name: 'CĐ B', parentId: FED },
  { id: C, name: 'CĐ C', parentId: FED },
];
const target = (unitId: string, value: number, indicator: Target['indicator'] = 'new_members') =>
  ({ id: id(value + unitId.length), unitId, year: 2026, indicator, value }) as Target;

function fact(
  unitId: string,
  date: string,
  source: IndicatorFact['source'] = 'signup_accepted',
  amount = 1,
): IndicatorFact {
  return {
    source,
    unitId,
    date,
    amount,
    entity: 'indicatorEntry',
    id: `${unitId}:${date}:${source}`,
  };
}

describe('period choices', () => {
  it.each<[PeriodChoice, string]>([
    [{ kind: 'thisMonth' }, 'this-month'],
    [{ kind: 'month', year: 2026, month: 3 }, 'm-2026-03'],
    [{ kind: 'quarter', year: 2026, quarter: 2 }, 'q-2026-2'],
    [{ kind: 'ytd', year: 2025 }, 'y-2025'],
    [{ kind: 'cutoff', date: '2026-09-30' }, 'd-2026-09-30'],
  ])('%o is written %s in the address and read back', (choice, text) => {
    expect(encodeChoice(choice)).toBe(text);
    expect(decodeChoice(text)).toEqual(choice);
  });

  it.each(['', 'm-2026-13', 'm-2026-00', 'q-2026-5', 'd-2026-02-30', 'x', 'y-26', null])(
    'reads %s as nothing',
    (text) => {
      expect(decodeChoice(text)).toBeUndefined();
    },
  );

  it.each<[PeriodChoice, Period, string | undefined, { year: number; month: number }]>([
    // choice on 15 November 2026 → period, pace date, month of the report
    [{ kind: 'thisMonth' }, monthPeriod(2026, 11), '2026-11-15', { year: 2026, month: 11 }],
    [
      { kind: 'month', year: 2026, month: 3 },
      monthPeriod(2026, 3),
      '2026-03-31',
      { year: 2026, month: 3 },
    ],
    [
      { kind: 'quarter', year: 2026, quarter: 4 },
      { kind: 'quarter', year: 2026, quarter: 4 },
      '2026-11-15',
      { year: 2026, month: 11 },
    ],
    [
      { kind: 'ytd', year: 2026 },
      yearToDate('2026-11-15'),
      '2026-11-15',
      { year: 2026, month: 11 },
    ],
    [
      { kind: 'ytd', year: 2025 },
      yearToDate('2025-12-31'),
      '2025-12-31',
      { year: 2025, month: 12 },
    ],
    [
      { kind: 'cutoff', date: '2026-06-30' },
      yearToDate('2026-06-30'),
      '2026-06-30',
      { year: 2026, month: 6 },
    ],
    [
      { kind: 'month', year: 2027, month: 1 },
      monthPeriod(2027, 1),
      undefined,
      { year: 2027, month: 1 },
    ],
  ])('%o → its period, pace date and report month', (choice, period, pace, report) => {
    const today = '2026-11-15';
    expect(toPeriod(choice, today)).toEqual(period);
    expect(paceDate(toPeriod(choice, today), today)).toBe(pace);
    expect(reportMonth(toPeriod(choice, today), today)).toEqual(report);
  });
});

describe('the days the headline asks about', () => {
  it.each<[string, PeriodChoice, string, { from: string; to: string; asOf: string | undefined }]>([
    [
      'this month',
      { kind: 'thisMonth' },
      '2026-03-15',
      { from: '2026-03-01', to: '2026-03-31', asOf: '2026-03-15' },
    ],
    [
      'a past quarter',
      { kind: 'quarter', year: 2026, quarter: 1 },
      '2026-05-02',
      { from: '2026-01-01', to: '2026-03-31', asOf: '2026-03-31' },
    ],
    [
      'a month not begun',
      { kind: 'month', year: 2026, month: 12 },
      '2026-05-02',
      { from: '2026-12-01', to: '2026-12-31', asOf: undefined },
    ],
    [
      'the year to date',
      { kind: 'ytd', year: 2026 },
      '2026-05-02',
      { from: '2026-01-01', to: '2026-05-02', asOf: '2026-05-02' },
    ],
  ])('%s', (_name, choice, today, expected) => {
    expect(headlineDates(choice, today)).toEqual(expected);
  });
});

describe('sub-units against the pace of the year', () => {
  // End of June: the pace is 50 %. A: 40 of 100 (−10 points), B: 30 of 40 (+25), C: no target.
  const facts = [
    ...Array.from({ length: 40 }, (_, i) => fact(A, `2026-0${1 + (i % 6)}-10`)),
    ...Array.from({ length: 30 }, (_, i) => fact(B, `2026-0${1 + (i % 6)}-20`)),
    fact(C, '2026-06-30'),
    fact(A, '2026-07-01'),
  ];
  const index = indexFacts(facts, units, [target(FED, 200), target(A, 100), target(B, 40)]);

  it('ranks the furthest behind first, those without a target last', () => {
    const rows = rankedSubUnits(index, FED, monthPeriod(2026, 6), 'new_members', '2026-06-30');
    expect(rows.map((r) => [r.name, r.pace?.gap, r.pace?.behind])).toEqual([
      ['CĐ A', -10, true],
      ['CĐ B', 25, false],
      ['CĐ C', undefined, undefined],
    ]);
    expect(rows[0]?.pace).toMatchObject({ actual: 40, target: 100, expected: 50 });
  });

  it('shows the period’s figures against the unit’s own yearly target, and counts targets met', () => {
    const june = unitFigures(index, FED, monthPeriod(2026, 6));
    expect(june.results.find((r) => r.indicator === 'new_members')?.display).toBe('12/200 (6%)');
    expect(june.met).toEqual({ met: 0, total: 1 });
    const b = unitFigures(index, B, yearToDate('2026-12-31'));
    expect(b.met).toEqual({ met: 0, total: 1 });
    expect(unitFigures(index, B, yearToDate('2026-12-31')).results[0]?.display).toBe('30/40 (75%)');
  });
});

describe('what organizers did', () => {
  const enterpriseUnit = new Map([
    [id(1), A],
    [id(2), B],
  ]);
  const me = id(50);
  const colleague = id(51);
  const visit = (
    n: number,
    visitedAt: string,
    more: Partial<ProgressVisit> = {},
  ): ProgressVisit => ({
    id: id(100 + n),
    enterpriseId: id(1),
    visitedAt,
    local: false,
    ...more,
  });
  const signup = (n: number, more: Partial<ProgressSignup>): ProgressSignup => ({
    id: id(200 + n),
    enterpriseId: id(1),
    status: 'submitted',
    local: false,
    signedAt: '2026-03-10',
    ...more,
  });
  const byAuthor = activityByAuthor({
    visits: [
      visit(1, '2026-03-02T09:00:00+07:00', {
        authorId: me,
        workersReached: 12,
        stageBefore: 'surveyed',
        stageAfter: 'persuading',
      }),
      // 18:00 UTC on 31 March is 1 April in Vietnam: not March.
      visit(2, '2026-03-31T18:00:00Z', { authorId: me, workersReached: 5 }),
      // Written on this device, not yet named by the server: mine.
      visit(3, '2026-03-31T16:59:00Z', {
        local: true,
        workersReached: 3,
        stageBefore: 'persuading',
        stageAfter: 'refused',
      }),
      visit(4, '2026-03-05T09:00:00+07:00', {
        authorId: colleague,
        stageBefore: 'persuading',
        stageAfter: 'eligible',
      }),
      // Another unit's enterprise: outside the units counted.
      visit(5, '2026-03-05T09:00:00+07:00', { authorId: me, enterpriseId: id(2) }),
    ],
    signups: [
      signup(1, { authorId: me }),
      signup(2, { local: true }),
      signup(3, {
        authorId: me,
        status: 'accepted',
        signedAt: '2026-02-27',
        decision: { number: '7/QĐ', date: '2026-03-31', issuedBy: FED },
      }),
      signup(4, {
        status: 'accepted',
        signedAt: '2026-02-20',
        decision: { number: '8/QĐ', date: '2026-03-01', issuedBy: FED },
      }),
      signup(5, { authorId: me, status: 'draft' }),
      signup(6, { authorId: me, signedAt: '2026-04-01' }),
    ],
    enterpriseUnit,
    unitIds: new Set([A]),
    period: monthPeriod(2026, 3),
    selfId: me,
  });

  it.each<[string, ReturnType<typeof countActivity>]>([
    [me, { visits: 2, workersReached: 15, applications: 2, admissions: 1, movedForward: 1 }],
    [colleague, { visits: 1, workersReached: 0, applications: 0, admissions: 0, movedForward: 1 }],
    [
      UNKNOWN_AUTHOR,
      { visits: 0, workersReached: 0, applications: 0, admissions: 1, movedForward: 0 },
    ],
  ])('counts %s', (author, counts) => {
    expect(countActivity(byAuthor.get(author))).toEqual(counts);
  });

  it('orders organizers by admissions, then applications, then visits', () => {
    expect(organizerRows(byAuthor).map((row) => row.authorId)).toEqual([
      me,
      UNKNOWN_AUTHOR,
      colleague,
    ]);
  });

  it('links each figure to its records', () => {
    expect(activityRecordsHref(A, { kind: 'thisMonth' }, 'visits', me)).toBe(
      `/progress/records?u=${A}&p=this-month&k=visits&a=${me}`,
    );
  });
});

describe('the chart of the year', () => {
  it('adds up month by month, net of members who left, up to the current month', () => {
    const facts = [
      fact(A, '2025-12-31'),
      fact(A, '2026-01-31'),
      fact(A, '2026-01-01'),
      fact(A, '2026-03-15', 'left', 1),
      fact(A, '2026-03-15', 'admitted_outside', 4),
      fact(A, '2026-05-02'),
    ];
    const series = yearSeries(facts, 'net_members', 2026, 120, '2026-04-10');
    expect(series.points.slice(0, 5)).toEqual([
      { month: 1, cumulative: 2, pace: 10 },
      { month: 2, cumulative: 2, pace: 20 },
      { month: 3, cumulative: 5, pace: 30 },
      { month: 4, cumulative: 5, pace: 40 },
      { month: 5, pace: 50 },
    ]);
    expect(series.points).toHaveLength(12);
    expect(yearSeries(facts, 'new_members', 2026, undefined, '2026-12-31').points.at(-1)).toEqual({
      month: 12,
      cumulative: 7,
    });
  });
});

describe('the funnel', () => {
  it('counts the enterprises of the units at each stage, in the pipeline’s order', () => {
    const counts = stageCounts(
      [
        { stage: 'surveyed', unitId: A },
        { stage: 'surveyed', unitId: A },
        { stage: 'closed', unitId: A },
        { stage: 'founded', unitId: B },
      ],
      new Set([A]),
    );
    expect(counts.filter((c) => c.count > 0)).toEqual([
      { stage: 'surveyed', count: 2 },
      { stage: 'closed', count: 1 },
    ]);
    expect(counts[0]).toEqual({ stage: 'not_contacted', count: 0 });
    expect(counts).toHaveLength(12);
  });
});

describe('the records behind a figure', () => {
  const enterprise = {
    id: id(1),
    name: 'Công ty May Tây Đô',
    unitId: A,
    stage: 'founded',
    unionStatus: 'cdcs',
    wardCode: '31120',
    foundedAt: '2026-03-20',
    foundingDecision: { number: '20/QĐ', date: '2026-03-20', issuedBy: FED },
    workerCountAtFounding: 30,
    workerCount: 20,
  } as ProgressEnterprise;
  const signups: ProgressSignup[] = [
    {
      id: id(2),
      enterpriseId: id(1),
      status: 'accepted',
      local: false,
      authorId: id(50),
      decision: { number: '15/QĐ', date: '2026-03-31', issuedBy: FED },
    },
  ];
  const entries: IndicatorEntry[] = [
    { id: id(3), unitId: A, date: '2026-03-10', kind: 'left', count: 2, note: 'Nghỉ việc' },
    {
      id: id(4),
      unitId: A,
      date: '2026-03-11',
      kind: 'transferred_in',
      count: 1,
      note: 'Chuyển đến',
    },
  ];
  const facts = indicatorFacts({ enterprises: [enterprise], signups, entries });
  const lookups = {
    signups: new Map(signups.map((s) => [s.id, s])),
    enterprises: new Map([[enterprise.id, enterprise]]),
    entries: new Map(entries.map((e) => [e.id, e])),
  };
  const scope = { facts, unitIds: new Set([A]), period: monthPeriod(2026, 3) };

  it('lists the admissions and movements of net_members with their signs, adding up to it', () => {
    const rows = breakdownRows('net_members', scope, lookups);
    expect(rows.map((r) => [r.kind, r.sign, r.amount, r.date])).toEqual([
      ['admission', 1, 1, '2026-03-31'],
      ['entry', 1, 1, '2026-03-11'],
      ['entry', -1, 2, '2026-03-10'],
    ]);
    expect(rows[0]).toMatchObject({
      decisionNumber: '15/QĐ',
      authorId: id(50),
      enterpriseName: 'Công ty May Tây Đô',
    });
    expect(rows[2]).toMatchObject({ entryKind: 'left', note: 'Nghỉ việc' });
    expect(breakdownTotal(rows)).toBe(0);
  });

  it('lists a founding with its decision and its workers at founding (≥ 25 counts for new_cdcs_25)', () => {
    const rows = breakdownRows('new_cdcs_25', scope, lookups);
    expect(rows).toEqual([
      expect.objectContaining({ kind: 'founding', decisionNumber: '20/QĐ', workersAtFounding: 30 }),
    ]);
  });
});

describe('CSV', () => {
  it('starts with a BOM, separates with commas and CRLF, quotes when needed, keeps formulas text', () => {
    const text = csvText([
      ['STT', 'Doanh nghiệp', 'Số lao động'],
      [1, 'Công ty "Hoà Bình", Cần Thơ', 1200],
      [2, '=HYPERLINK("x")', undefined],
      [3, 'Dòng\nhai', Number.NaN],
    ]);
    expect(text).toBe(
      '\uFEFFSTT,Doanh nghiệp,Số lao động\r\n' +
        '1,"Công ty ""Hoà Bình"", Cần Thơ",1200\r\n' +
        `2,"'=HYPERLINK(""x"")",\r\n` +
        '3,"Dòng\nhai",\r\n',
    );
  });
});

describe('the review list', () => {
  const enterprise = (n: number, more: Partial<ProgressEnterprise>): ProgressEnterprise => ({
    id: id(n),
    name: `DN ${n}`,
    unitId: A,
    stage: 'persuading',
    unionStatus: 'none',
    wardCode: '31120',
    ...more,
  });
  const list = [
    enterprise(1, { workerCount: 30, operatingSince: 2010 }),
    enterprise(2, { workerCount: 300 }),
    enterprise(3, {
      workerCount: 30,
      operatingSince: 2001,
      femaleWorkerCount: 12,
      assignedTo: id(50),
    }),
    enterprise(4, { workerCount: 900, unitId: B }),
    enterprise(5, { workerCount: 10 }),
  ];

  it('keeps the subtree, orders largest then longest operating, and filters by size', () => {
    const choice = { wardCode: '', industrialPark: '', large: true, stage: '' as const };
    expect(reviewRows(list, new Set([A]), choice).map((e) => e.name)).toEqual([
      'DN 2',
      'DN 3',
      'DN 1',
    ]);
  });

  it.each<[string | undefined, string, { day: string; daysSince: number | undefined } | undefined]>(
    [
      ['2026-11-20T09:00:00+07:00', '2026-11-30', { day: '2026-11-20', daysSince: 10 }],
      ['2026-11-29T20:00:00Z', '2026-11-30', { day: '2026-11-30', daysSince: 0 }],
      [undefined, '2026-11-30', undefined],
      ['not a time', '2026-11-30', undefined],
    ],
  )('the last visit %s seen on %s', (visitedAt, today, expected) => {
    expect(lastVisitOf(visitedAt, today)).toEqual(expected);
  });

  it('counts whole days across a month and a leap day', () => {
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2028-02-30', '2028-03-01')).toBeUndefined();
  });

  it('writes one CSV row per enterprise, numbered, with the last visit and the days since', () => {
    const rows = reviewCsvRows(
      [list[2] as ProgressEnterprise],
      new Map([[id(3), '2026-11-20T09:00:00+07:00']]),
      '2026-11-30',
      [
        { header: 'Doanh nghiệp', cell: (e) => e.name },
        { header: 'Lao động nữ', cell: (e) => e.femaleWorkerCount },
        { header: 'Tiếp xúc gần nhất', cell: (_e, v) => v?.day },
        { header: 'Số ngày', cell: (_e, v) => v?.daysSince },
      ],
      'STT',
    );
    expect(rows).toEqual([
      ['STT', 'Doanh nghiệp', 'Lao động nữ', 'Tiếp xúc gần nhất', 'Số ngày'],
      [1, 'DN 3', 12, '2026-11-20', 10],
    ]);
  });
});

describe('organizers by name', () => {
  addProgressMessages();
  const session: Session = {
    token: 't',
    signedInAt: '2026-03-01T08:00:00+07:00',
    user: {
      id: id(1),
      username: 'lan.nt',
      displayName: 'Nguyễn Thị Lan',
      role: 'supervisor',
      unitId: A,
      active: true,
    },
  };
  const names = namesOf({
    fetchedAt: '2026-03-01T08:00:00Z',
    users: [
      { id: id(2), displayName: 'Trần Văn Minh', unitId: A, role: 'organizer', active: true },
      { id: id(3), displayName: 'Lê Thị Hoa', unitId: A, role: 'organizer', active: false },
    ],
  });

  it.each([
    [id(2), 'Trần Văn Minh'],
    [id(3), 'Lê Thị Hoa'], // an account closed since: their records keep their name
    [id(1), 'Nguyễn Thị Lan'], // the device's user, from the session
    [id(4), `Cán bộ mã ${id(4).slice(0, 8)}`], // nobody the device knows yet
    [UNKNOWN_AUTHOR, 'Chưa rõ cán bộ'],
    [undefined, 'Chưa rõ cán bộ'],
  ])('names %s as %s', (authorId, expected) => {
    expect(organizerName(authorId, session, names)).toBe(expected);
  });

  it('names nobody before the names are fetched but the device’s user', () => {
    expect(namesOf(undefined).size).toBe(0);
    expect(organizerName(id(1), session)).toBe('Nguyễn Thị Lan');
  });
});
