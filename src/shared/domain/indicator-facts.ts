import {
  type Enterprise,
  type EntryKind,
  type Indicator,
  type IndicatorEntry,
  isCalendarDate,
  type SignupStatus,
} from '../schemas';
import { CDCS_25_MIN_WORKERS } from './thresholds';

/**
 * Step 1 of the indicators (see indicators.ts): records become facts `{source, unitId, date,
 * amount}`, and each indicator is a signed sum of fact sources (INDICATOR_TERMS).
 */

export { CDCS_25_MIN_WORKERS };

/** Facts that come from the app's own records rather than entries. */
export const RECORD_SOURCES = ['signup_accepted', 'cdcs_founded', 'cdcs25_founded'] as const;
export type RecordSource = (typeof RECORD_SOURCES)[number];
export type AdjustmentSource = `adjustment.${Indicator}`;
export type FactSource = RecordSource | EntryKind | AdjustmentSource;

export type IndicatorFact = {
  source: FactSource;
  unitId: string;
  /** ISO date the fact counts on. */
  date: string;
  amount: number;
  /** The record behind the fact, so that every figure can be traced to its records. */
  entity: 'signup' | 'enterprise' | 'indicatorEntry';
  id: string;
  /** Who collected the application (signup facts): per-organizer admissions. */
  authorId?: string;
};

export type Term = { source: FactSource; sign: 1 | -1 };

const add = (source: FactSource): Term => ({ source, sign: 1 });
const subtract = (source: FactSource): Term => ({ source, sign: -1 });
const adjusted = (indicator: Indicator): Term => add(`adjustment.${indicator}`);

const newMembersTerms = [add('signup_accepted'), add('admitted_outside'), adjusted('new_members')];
const newCdcsTerms = [add('cdcs_founded'), add('cdcs_founded_outside'), adjusted('new_cdcs')];
const newNdcsTerms = [add('ndcs_founded'), adjusted('new_ndcs')];
const netMembersTerms = [
  ...newMembersTerms,
  add('transferred_in'),
  subtract('left'),
  subtract('transferred_out'),
  adjusted('net_members'),
];

/** Each indicator as a signed sum of fact sources (the table of docs/design.md §3). */
export const INDICATOR_TERMS: Readonly<Record<Indicator, readonly Term[]>> = {
  new_members: newMembersTerms,
  net_members: netMembersTerms,
  informal_members: [add('informal_admitted'), adjusted('informal_members')],
  new_cdcs: newCdcsTerms,
  new_cdcs_25: [add('cdcs25_founded'), add('cdcs25_founded_outside'), adjusted('new_cdcs_25')],
  new_ndcs: newNdcsTerms,
  party_introductions: [add('party_introduced'), adjusted('party_introductions')],
  party_admissions: [add('party_admitted'), adjusted('party_admissions')],
};

/** Counts at a date (not targets): the opening on 1 January plus the year's movements. */
export const TOTALS = ['members', 'cdcs', 'ndcs'] as const;
export type Total = (typeof TOTALS)[number];

export const TOTAL_TERMS: Readonly<Record<Total, readonly Term[]>> = {
  members: [add('members_opening'), ...netMembersTerms],
  cdcs: [add('cdcs_opening'), ...newCdcsTerms, subtract('cdcs_dissolved')],
  // The model has no dissolution kind for NĐCS: their count only grows within a year.
  ndcs: [add('ndcs_opening'), ...newNdcsTerms],
};

export type IndicatorSignup = {
  id: string;
  enterpriseId: string;
  status: SignupStatus;
  decision?: { date: string } | undefined;
  authorId?: string | undefined;
};

export type IndicatorEnterprise = Pick<
  Enterprise,
  'id' | 'unitId' | 'foundedAt' | 'workerCountAtFounding' | 'workerCount'
>;

export type IndicatorData = {
  enterprises: readonly IndicatorEnterprise[];
  signups: readonly IndicatorSignup[];
  entries: readonly IndicatorEntry[];
};

/** Worker count that decides `new_cdcs_25`: the one at founding, for good. */
export function workersAtFounding(enterprise: IndicatorEnterprise): number {
  return enterprise.workerCountAtFounding ?? enterprise.workerCount ?? 0;
}

/**
 * Every fact of the records. A signup whose enterprise is not in `enterprises` has no unit and
 * yields no fact (a device only holds its scope's enterprises, and counts its scope). A fact
 * without a real calendar date counts nowhere, so it is left out here once rather than checked in
 * every period.
 */
export function indicatorFacts(data: IndicatorData): IndicatorFact[] {
  // A year has at most 366 dates: each distinct one is checked once.
  const valid = new Map<string, boolean>();
  return recordFacts(data).filter((fact) => {
    let ok = valid.get(fact.date);
    if (ok === undefined) {
      ok = isCalendarDate(fact.date);
      valid.set(fact.date, ok);
    }
    return ok;
  });
}

function recordFacts(data: IndicatorData): IndicatorFact[] {
  const facts: IndicatorFact[] = [];
  const unitOf = new Map(data.enterprises.map((enterprise) => [enterprise.id, enterprise.unitId]));
  for (const signup of data.signups) {
    const unitId = unitOf.get(signup.enterpriseId);
    const date = signup.decision?.date;
    if (signup.status !== 'accepted' || unitId === undefined || date === undefined) continue;
    const fact: IndicatorFact = {
      source: 'signup_accepted',
      unitId,
      date,
      amount: 1,
      entity: 'signup',
      id: signup.id,
    };
    facts.push(signup.authorId === undefined ? fact : { ...fact, authorId: signup.authorId });
  }
  for (const enterprise of data.enterprises) {
    const { id, unitId, foundedAt: date } = enterprise;
    if (date === undefined) continue;
    facts.push({ source: 'cdcs_founded', unitId, date, amount: 1, entity: 'enterprise', id });
    if (workersAtFounding(enterprise) >= CDCS_25_MIN_WORKERS) {
      facts.push({ source: 'cdcs25_founded', unitId, date, amount: 1, entity: 'enterprise', id });
    }
  }
  for (const entry of data.entries) {
    const adjustment = entry.kind === 'adjustment';
    facts.push({
      source: adjustment ? `adjustment.${entry.indicator}` : entry.kind,
      unitId: entry.unitId,
      date: entry.date,
      amount: adjustment ? entry.delta : entry.count,
      entity: 'indicatorEntry',
      id: entry.id,
    });
  }
  return facts;
}
