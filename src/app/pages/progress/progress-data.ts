import type { Session } from '../../../db';
import {
  type HeadlineDates,
  listVisitsAround,
  loadProgressHeadline,
  loadProgressRecords,
  onTablesChanged,
  type ProgressEnterprise,
  type ProgressHeadline,
  type ProgressRecords,
  type ProgressSignup,
  type ProgressVisit,
  type TableName,
} from '../../../db';
import { type IndicatorFact, indicatorFacts } from '../../../shared/domain';
import type { IndicatorEntry } from '../../../shared/schemas';
import { afterPaint } from '../../after-paint';
import { appDb } from '../../db';
import type { BreakdownLookups } from './breakdown';
import { type FactIndex, headlineFacts, indexFacts } from './figures';

/**
 * The data of the progress screens, read once and kept while nothing it was read from changes
 * (going from Tiến độ to a figure's records and back reads nothing again). The headline figures
 * come first from a narrow read (loadProgressHeadline); the full read starts after it, so the two
 * never compete for the database, and every other figure is computed from it.
 */

/** The tables the facts come from: a write to any of them makes the kept data stale. */
export const FACT_TABLES: readonly TableName[] = [
  'enterprises',
  'signups',
  'indicatorEntries',
  'targets',
  'units',
];

export type Headline = { index: FactIndex };

export type ProgressModel = Headline & {
  records: ProgressRecords;
  facts: IndicatorFact[];
  enterpriseUnit: Map<string, string>;
  lookups: BreakdownLookups;
};

// Bumped by every write to FACT_TABLES (this tab, other tabs, the worker). A read compares it
// after a microtask: Dexie tells every listener of a write in one go, so by then this one has run
// even when useLoad's listener, which starts the read, was told first.
let generation = 0;
let kept: { generation: number; model: ProgressModel } | undefined;
let headlineRead: Promise<unknown> | undefined;
/** The headline's read started as the screen opened (prefetchHeadline), with what it was for. */
let early: { key: string; generation: number; read: Promise<ProgressHeadline> } | undefined;

const datesKey = (dates: HeadlineDates) => `${dates.from} ${dates.to} ${dates.asOf ?? ''}`;

let listening = false;

/** Starts counting writes before the first read (once: the screens keep it for the session). */
function listen(): void {
  if (listening) return;
  listening = true;
  onTablesChanged(appDb(), FACT_TABLES, () => {
    generation += 1;
  });
}

function buildModel(records: ProgressRecords): ProgressModel {
  const facts = indicatorFacts({
    enterprises: records.enterprises,
    signups: records.signups,
    entries: records.entries,
  });
  const enterpriseUnit = new Map<string, string>();
  const enterprises = new Map<string, ProgressEnterprise>();
  for (const enterprise of records.enterprises) {
    enterpriseUnit.set(enterprise.id, enterprise.unitId);
    enterprises.set(enterprise.id, enterprise);
  }
  const signups = new Map<string, ProgressSignup>(records.signups.map((s) => [s.id, s]));
  const entries = new Map<string, IndicatorEntry>(records.entries.map((e) => [e.id, e]));
  return {
    records,
    facts,
    enterpriseUnit,
    lookups: { signups, enterprises, entries },
    index: indexFacts(facts, records.units, records.targets),
  };
}

/** The kept model when nothing changed since it was read: a screen's first frame. */
export function keptModel(): ProgressModel | undefined {
  listen();
  return kept?.generation === generation ? kept.model : undefined;
}

/** The full model (kept, or read after any headline read in flight). */
export async function readProgressModel(): Promise<ProgressModel> {
  listen();
  await Promise.resolve();
  const fresh = keptModel();
  if (fresh) return fresh;
  // The heavy read starts once the headline is painted: its rows would hold up that frame.
  if (headlineRead) {
    await headlineRead.catch(() => undefined);
    await afterPaint();
  }
  const at = generation;
  const model = buildModel(await loadProgressRecords(appDb()));
  kept = { generation: at, model };
  return model;
}

/**
 * The headline figures' data: from the kept model, else from the narrow read, which holds the
 * figures of `dates` only (the screen reads again for another period until the full read is
 * kept). The device holds the records of its user's scope only (the pull hands out no other),
 * so every admission counted there is one of the user's unit's subtree: each span's count is
 * one fact of that unit, dated the span's first day. Summed over any run of whole spans, the
 * facts give what the full read gives (tests/unit/db/progress-reads.test.ts compares them).
 */
export async function readHeadline(session: Session, dates: HeadlineDates): Promise<Headline> {
  listen();
  await Promise.resolve();
  const fresh = keptModel();
  if (fresh) return fresh;
  const started = early;
  early = undefined;
  // The read started with the tap, if it was for these days and nothing was written since.
  const usable = started?.key === datesKey(dates) && started.generation === generation;
  const read = usable ? started.read : loadProgressHeadline(appDb(), dates);
  headlineRead = read;
  const { units, targets, indicators, admitted } = await read;
  return {
    index: indexFacts(headlineFacts(session.user.unitId, indicators, admitted), units, targets),
  };
}

/**
 * Starts the headline's narrow read as the screen opens (the tap's own task), beside the loading
 * of the screen's code, which takes longer on a slow phone; readHeadline takes it up when the
 * days match and nothing was written meanwhile. Nothing when the full data are kept.
 */
export function prefetchHeadline(dates: HeadlineDates): void {
  listen();
  if (keptModel()) return;
  const read = loadProgressHeadline(appDb(), dates);
  // A failure is readHeadline's to report, when it takes this read up.
  read.catch(() => undefined);
  early = { key: datesKey(dates), generation, read };
}

/** Visits around a period (listVisitsAround), read after the headline's read. */
export async function readVisitsAround(from: string, to: string): Promise<ProgressVisit[]> {
  await headlineRead?.catch(() => undefined);
  return listVisitsAround(appDb(), from, to);
}
