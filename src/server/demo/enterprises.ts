import { randomUUID } from 'node:crypto';
import type { Enterprise, Ownership, Stage, UnionStatus } from '../../shared/schemas';
import { taxCodeCheckDigit, wards } from '../../shared/vn';
import type { Random } from './random';
import { BRANDS, CONTACTS, INDUSTRIES, PARKS, STREETS } from './vocabulary';

/** Thành phố Cần Thơ after the 2025 reorganisation (vn-admin-units-2025.json). */
export const CAN_THO = '92';

const STAGE_WEIGHTS: readonly (readonly [Stage, number])[] = [
  ['not_contacted', 30],
  ['surveyed', 30],
  ['persuading', 35],
  ['committee_formed', 18],
  ['collecting_applications', 20],
  ['eligible', 12],
  ['founding_meeting_held', 8],
  ['dossier_submitted', 6],
  ['founded', 14],
  ['refused', 10],
  ['closed', 5],
  ['has_union', 12],
];

const FOUNDING_STAGES: readonly Stage[] = [
  'committee_formed',
  'collecting_applications',
  'eligible',
  'founding_meeting_held',
  'dossier_submitted',
];

export type DemoArea = {
  unitId: string;
  organizerIds: readonly string[];
  count: number;
  /** Enterprises in industrial parks (the KCN union) or spread over every ward. */
  inParks: boolean;
};

function daysBefore(today: string, days: number): string {
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

function daysSinceNewYear(today: string): number {
  const start = Date.UTC(Number(today.slice(0, 4)), 0, 1);
  return Math.floor((Date.parse(`${today}T00:00:00Z`) - start) / 86_400_000);
}

function taxCode(random: Random): string {
  for (;;) {
    const firstNine = `18${String(random.int(0, 9_999_999)).padStart(7, '0')}`;
    const check = taxCodeCheckDigit(firstNine);
    if (check !== undefined) return `${firstNine}${check}`;
  }
}

function unionStatusOf(stage: Stage): UnionStatus {
  if (stage === 'founded' || stage === 'has_union') return 'cdcs';
  return FOUNDING_STAGES.includes(stage) ? 'founding' : 'none';
}

function stageFields(random: Random, stage: Stage, workers: number, today: string, unitId: string) {
  const needsMembers = [
    'eligible',
    'founding_meeting_held',
    'dossier_submitted',
    'founded',
    'has_union',
  ];
  const memberCount = needsMembers.includes(stage)
    ? random.int(5, Math.max(5, Math.floor(workers * 0.8)))
    : 0;
  if (stage !== 'founded') return { memberCount };
  const foundedAt = daysBefore(today, random.int(0, daysSinceNewYear(today)));
  return {
    memberCount,
    foundedAt,
    foundingDecision: {
      number: `${random.int(10, 400)}/QĐ-LĐLĐ`,
      date: foundedAt,
      issuedBy: unitId,
    },
    workerCountAtFounding: workers,
    membersAtFounding: memberCount,
  };
}

function place(random: Random, inParks: boolean) {
  if (inParks && random.next() < 0.85) {
    const [park, wardCode] = random.pick(PARKS);
    return {
      wardCode,
      address: `Lô ${random.pick([...'ABCDEFGH'])}${random.int(1, 40)}, ${park}`,
      park,
    };
  }
  const ward = random.pick(wards(CAN_THO));
  const address = `Số ${random.int(1, 450)}, ${random.pick(STREETS)}, ${ward.name}`;
  return { wardCode: ward.code, address, park: undefined };
}

/** `count` plausible enterprises of one area, valid under checkEnterprise. */
export function demoEnterprises(
  random: Random,
  area: DemoArea,
  names: Iterator<readonly [string, string, Ownership]>,
  today: string,
): Enterprise[] {
  return Array.from({ length: area.count }, () => {
    const named = names.next();
    if (named.done) throw new Error('not enough demo enterprise names');
    const [name, sector, ownership] = named.value;
    const workerCount = 10 + Math.floor(2_990 * random.next() ** 3);
    const stage = random.weighted(STAGE_WEIGHTS);
    const { wardCode, address, park } = place(random, area.inParks);
    const [contactName, contactRole] = random.pick(CONTACTS);
    const active = !['founded', 'refused', 'closed', 'has_union'].includes(stage);
    return {
      id: randomUUID(),
      name,
      taxCode: taxCode(random),
      ownership,
      sector,
      provinceCode: CAN_THO,
      wardCode,
      address,
      ...(park ? { industrialPark: park } : {}),
      workerCount,
      femaleWorkerCount: Math.floor(workerCount * random.next()),
      workerCountAsOf: daysBefore(today, random.int(10, 300)),
      unionStatus: unionStatusOf(stage),
      stage,
      stageChangedAt: `${daysBefore(today, random.int(1, 200))}T09:00:00+07:00`,
      assignedTo: random.pick(area.organizerIds),
      unitId: area.unitId,
      contact: {
        name: contactName,
        role: contactRole,
        phone: `+8491${String(random.int(0, 9_999_999)).padStart(7, '0')}`,
      },
      ...(active ? { nextFollowUp: daysBefore(today, -random.int(1, 30)) } : {}),
      ...stageFields(random, stage, workerCount, today, area.unitId),
    };
  });
}

/** Unique enterprise names ("Công ty TNHH May Tây Đô"), each with its sector and ownership. */
export function* demoNames(random: Random): Generator<readonly [string, string, Ownership]> {
  const pairs = random.shuffle(
    INDUSTRIES.flatMap((industry) => BRANDS.map((brand) => [industry, brand] as const)),
  );
  for (const [[industry, sector], brand] of pairs) {
    const roll = random.next();
    if (roll < 0.08) yield [`Hợp tác xã ${industry} ${brand}`, sector, 'cooperative'];
    else if (roll < 0.3) yield [`Công ty TNHH ${industry} ${brand} Việt Nam`, sector, 'fdi'];
    else if (roll < 0.55) yield [`Công ty Cổ phần ${industry} ${brand}`, sector, 'private'];
    else if (roll < 0.7) yield [`Công ty TNHH MTV ${industry} ${brand}`, sector, 'private'];
    else yield [`Công ty TNHH ${industry} ${brand}`, sector, 'private'];
  }
}
