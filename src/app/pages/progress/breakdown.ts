import type { ProgressEnterprise, ProgressSignup } from '../../../db';
import {
  type FactSource,
  type IndicatorFact,
  type IndicatorScope,
  indicatorBreakdown,
} from '../../../shared/domain';
import type { Indicator, IndicatorEntry } from '../../../shared/schemas';

/**
 * The records behind a figure (indicatorBreakdown): admissions with their decision and the
 * organizer who collected the application, foundings with their decision, entries (movements and
 * figures from outside the app) with their note. Their signed amounts add up to the figure.
 */

type Base = { id: string; date: string; sign: 1 | -1; amount: number; source: FactSource };

export type BreakdownRow =
  | (Base & {
      kind: 'admission';
      decisionNumber?: string | undefined;
      authorId?: string | undefined;
      enterpriseName?: string | undefined;
    })
  | (Base & {
      kind: 'founding';
      decisionNumber?: string | undefined;
      enterpriseName?: string | undefined;
      workersAtFounding?: number | undefined;
    })
  | (Base & {
      kind: 'entry';
      entryKind: IndicatorEntry['kind'];
      note: string;
      decisionNumber?: string | undefined;
      decisionDate?: string | undefined;
    });

export type BreakdownLookups = {
  signups: ReadonlyMap<string, ProgressSignup>;
  enterprises: ReadonlyMap<string, ProgressEnterprise>;
  entries: ReadonlyMap<string, IndicatorEntry>;
};

function row(fact: IndicatorFact, sign: 1 | -1, lookups: BreakdownLookups): BreakdownRow {
  const base: Base = {
    id: fact.id,
    date: fact.date,
    sign,
    amount: fact.amount,
    source: fact.source,
  };
  if (fact.entity === 'signup') {
    const signup = lookups.signups.get(fact.id);
    const enterprise = signup && lookups.enterprises.get(signup.enterpriseId);
    return {
      ...base,
      kind: 'admission',
      decisionNumber: signup?.decision?.number,
      authorId: fact.authorId ?? signup?.authorId,
      enterpriseName: enterprise?.name,
    };
  }
  if (fact.entity === 'enterprise') {
    const enterprise = lookups.enterprises.get(fact.id);
    return {
      ...base,
      kind: 'founding',
      decisionNumber: enterprise?.foundingDecision?.number,
      enterpriseName: enterprise?.name,
      workersAtFounding: enterprise?.workerCountAtFounding ?? enterprise?.workerCount,
    };
  }
  const entry = lookups.entries.get(fact.id);
  return {
    ...base,
    kind: 'entry',
    entryKind: entry?.kind ?? 'adjustment',
    note: entry?.note ?? '',
    decisionNumber: entry?.decision?.number,
    decisionDate: entry?.decision?.date,
  };
}

/** The rows behind `indicator` in the scope, the latest first. */
export function breakdownRows(
  indicator: Indicator,
  scope: IndicatorScope,
  lookups: BreakdownLookups,
): BreakdownRow[] {
  return indicatorBreakdown(indicator, scope)
    .map(({ fact, sign }) => row(fact, sign, lookups))
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.id < b.id ? -1 : 1));
}

/** Σ sign × amount of the rows: the figure they stand behind. */
export function breakdownTotal(rows: readonly BreakdownRow[]): number {
  return rows.reduce((sum, r) => sum + r.sign * r.amount, 0);
}
