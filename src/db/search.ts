import { CDCS_25_MIN_WORKERS } from '../shared/domain/thresholds';
import type { Stage, UnionStatus } from '../shared/schemas';
import { compareLetterKeys } from '../shared/vn/letter-order';
import { searchKey } from '../shared/vn/names';

/**
 * In-memory search over the compact enterprise index (loadEnterpriseIndex). Pure: no database.
 * Treat an index array as immutable: its sorted copy and its last search are cached per array.
 */

export type EnterpriseIndexRow = {
  id: string;
  name: string;
  taxCode?: string | undefined;
  address: string;
  searchKey: string;
  stage: Stage;
  wardCode: string;
  unionStatus: UnionStatus;
  workerCount?: number | undefined;
  assignedTo?: string | undefined;
  nextFollowUp?: string | undefined;
  /** listRank of the row, as stored. */
  listOrder: number;
  /** letterKey of the name, made when the row is read: the list's order by name (compareNames). */
  nameKey: string;
};

export type EnterpriseSearch = {
  /** Every word must appear in name, tax code or address, ignoring accents and case. */
  query?: string;
  stage?: Stage;
  wardCode?: string;
  /** No union yet, at least LARGE_ENTERPRISE_MIN_WORKERS workers, not closed. */
  largeWithoutUnion?: boolean;
  assignedTo?: string;
  /** Today (ISO date): only enterprises whose follow-up is today or overdue. */
  followUpDue?: string;
};

/** "Large" follows the new_cdcs_25 indicator: founding a CĐCS at ≥ 25 workers is what is counted. */
export const LARGE_ENTERPRISE_MIN_WORKERS = CDCS_25_MIN_WORKERS;

/** A union being founded is not a union yet (steering committees review both). */
export function hasNoUnion(row: Pick<EnterpriseIndexRow, 'unionStatus'>): boolean {
  return row.unionStatus === 'none' || row.unionStatus === 'founding';
}

// Made only when two names' letters cannot tell them apart: making it takes a slow phone
// 30–60 ms (npm run bench, coldStart), and a list of names that differ in their letters never
// needs it.
let collator: Intl.Collator | undefined;

/**
 * Vietnamese order of two names: their letter keys where these say (a string comparison, about
 * as cheap as a collator's), the collator where they do not (the same letters in other tones or
 * case, a character letter-order.ts does not order).
 */
function compareNames(a: EnterpriseIndexRow, b: EnterpriseIndexRow): number {
  const byLetters = compareLetterKeys(a.nameKey, b.nameKey);
  if (byLetters !== undefined) return byLetters;
  collator ??= new Intl.Collator('vi');
  return collator.compare(a.name, b.name);
}

const MOST_WORKERS = 1_000_000;
/** Above every rank of an enterprise without a union (workers unknown included). */
const WITH_UNION = MOST_WORKERS + 2;

/**
 * The list's default order up to the name, as one number stored with each enterprise and
 * indexed (`listOrder`): no union first, then most workers, workers unknown last. The first
 * screen of the list is then an index read of the lowest ranks.
 */
export function listRank(row: Pick<EnterpriseIndexRow, 'unionStatus' | 'workerCount'>): number {
  const workers =
    row.workerCount === undefined
      ? MOST_WORKERS + 1
      : MOST_WORKERS - Math.min(MOST_WORKERS, Math.max(0, row.workerCount));
  return (hasNoUnion(row) ? 0 : WITH_UNION) + workers;
}

/**
 * Default order: no union first, then most workers (unknown last), then name (Vietnamese). The
 * first two are the stored listRank, so sorting 10,000 rows compares names only between ties.
 */
export function compareEnterprises(a: EnterpriseIndexRow, b: EnterpriseIndexRow): number {
  return (
    a.listOrder - b.listOrder || compareNames(a, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

const sortedCache = new WeakMap<readonly EnterpriseIndexRow[], readonly EnterpriseIndexRow[]>();

function sorted(index: readonly EnterpriseIndexRow[]): readonly EnterpriseIndexRow[] {
  let result = sortedCache.get(index);
  if (result === undefined) {
    result = [...index].sort(compareEnterprises);
    sortedCache.set(index, result);
  }
  return result;
}

/** Two arrays each in the default order, as one in that order (a new array). */
function mergeTwo(
  a: readonly EnterpriseIndexRow[],
  b: readonly EnterpriseIndexRow[],
): EnterpriseIndexRow[] {
  const out: EnterpriseIndexRow[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const left = a[i] as EnterpriseIndexRow;
    const right = b[j] as EnterpriseIndexRow;
    if (compareEnterprises(left, right) <= 0) {
      out.push(left);
      i += 1;
    } else {
      out.push(right);
      j += 1;
    }
  }
  for (; i < a.length; i++) out.push(a[i] as EnterpriseIndexRow);
  for (; j < b.length; j++) out.push(b[j] as EnterpriseIndexRow);
  return out;
}

/**
 * Runs each in the default order (the index's parts) merged into one index in that order, a
 * round of pairwise merges per step: the caller yields between steps, so no task sorts every
 * row at once. Sorted in one task, the index of 10,000 enterprises was a long task of 50–70 ms
 * on a slow phone a second after the list showed, mostly in the collator (npm run bench,
 * coldStart). Returns the index at its last step; searches use its order as it is.
 */
export function* mergeInOrder(
  runs: readonly (readonly EnterpriseIndexRow[])[],
): Generator<void, readonly EnterpriseIndexRow[], void> {
  let level = runs;
  while (level.length > 1) {
    const next: (readonly EnterpriseIndexRow[])[] = [];
    for (let i = 0; i < level.length; i += 2) {
      const a = level[i] as readonly EnterpriseIndexRow[];
      const b = level[i + 1];
      next.push(b === undefined ? a : mergeTwo(a, b));
    }
    level = next;
    if (level.length > 1) yield;
  }
  const index = level[0] ?? [];
  sortedCache.set(index, index);
  return index;
}

type Predicate = (row: EnterpriseIndexRow) => boolean;

/** Longest first: a row without the rarest word is rejected at its first test. */
function queryWords(query: string | undefined): string[] {
  return searchKey(query ?? '')
    .split(' ')
    .filter((word) => word !== '')
    .sort((a, b) => b.length - a.length);
}

/** Every filter but the words, as predicates. */
function filterPredicates(search: EnterpriseSearch): Predicate[] {
  const { stage, wardCode, assignedTo, followUpDue } = search;
  const tests: (Predicate | false)[] = [
    stage !== undefined && ((row) => row.stage === stage),
    wardCode !== undefined && ((row) => row.wardCode === wardCode),
    assignedTo !== undefined && ((row) => row.assignedTo === assignedTo),
    followUpDue !== undefined &&
      ((row) => row.nextFollowUp !== undefined && row.nextFollowUp <= followUpDue),
    search.largeWithoutUnion === true &&
      ((row) =>
        hasNoUnion(row) &&
        row.stage !== 'closed' &&
        (row.workerCount ?? 0) >= LARGE_ENTERPRISE_MIN_WORKERS),
  ];
  return tests.filter((test): test is Predicate => test !== false);
}

function sameFilters(a: EnterpriseSearch, b: EnterpriseSearch): boolean {
  return (
    a.stage === b.stage &&
    a.wardCode === b.wardCode &&
    a.assignedTo === b.assignedTo &&
    a.followUpDue === b.followUpDue &&
    (a.largeWithoutUnion === true) === (b.largeWithoutUnion === true)
  );
}

/** A row matching every word of `narrower` matches every word of `wider`. */
function narrows(narrower: readonly string[], wider: readonly string[]): boolean {
  return wider.every((old) => narrower.some((word) => word.includes(old)));
}

// Plain loops: this runs over every row on each keystroke (< 50 ms p95 on a slow phone).
function matches(row: EnterpriseIndexRow, words: readonly string[], tests: Predicate[]): boolean {
  for (const word of words) if (!row.searchKey.includes(word)) return false;
  for (const test of tests) if (!test(row)) return false;
  return true;
}

type LastSearch = {
  search: EnterpriseSearch;
  words: string[];
  results: readonly EnterpriseIndexRow[];
};

const lastSearch = new WeakMap<readonly EnterpriseIndexRow[], LastSearch>();

/** Where a search starts, and what its rows must still be tested for. */
type Start = {
  rows: readonly EnterpriseIndexRow[];
  /** The query's words the rows are not known to contain. */
  words: readonly string[];
  /** The filters the rows are not known to pass. */
  tests: Predicate[];
};

/**
 * The last complete results when the new search narrows them: their rows passed the same filters
 * and contain every word of the last query, so only the new or longer words are tested (as the
 * organizer types on, one word of several); else every row, sorted, for everything.
 */
function candidates(
  index: readonly EnterpriseIndexRow[],
  search: EnterpriseSearch,
  words: readonly string[],
  tests: Predicate[],
): Start {
  const last = lastSearch.get(index);
  if (last !== undefined && sameFilters(last.search, search) && narrows(words, last.words)) {
    return {
      rows: last.results,
      words: words.filter((word) => !last.words.includes(word)),
      tests: [],
    };
  }
  return { rows: sorted(index), words, tests };
}

/**
 * Matching rows in the default order (a new array; the index is not changed). While the
 * organizer types on, each query narrows the previous one, so only its results are searched.
 */
export function searchEnterprises(
  index: readonly EnterpriseIndexRow[],
  search: EnterpriseSearch = {},
): readonly EnterpriseIndexRow[] {
  return searchInSlices(index, search, Number.POSITIVE_INFINITY).next() ?? [];
}

export type SlicedSearch = {
  /** Searches the next slice: every match once all are searched, else undefined. */
  next(): readonly EnterpriseIndexRow[] | undefined;
};

/**
 * searchEnterprises, `slice` rows at a time: a caller that yields between slices lets the next
 * keystroke in after a few milliseconds instead of after all 10,000 rows (the list does so).
 */
export function searchInSlices(
  index: readonly EnterpriseIndexRow[],
  search: EnterpriseSearch,
  slice: number,
): SlicedSearch {
  const words = queryWords(search.query);
  const tests = filterPredicates(search);
  const everything = isEverything(words, tests);
  const start = everything ? { rows: [], words, tests } : candidates(index, search, words, tests);
  const from = start.rows;
  const results: EnterpriseIndexRow[] = [];
  let at = 0;
  return {
    next() {
      if (everything) return finish(sorted(index));
      const end = Math.min(from.length, at + slice);
      for (; at < end; at++) {
        const row = from[at] as EnterpriseIndexRow;
        if (matches(row, start.words, start.tests)) results.push(row);
      }
      return at < from.length ? undefined : finish(results);
    },
  };

  function finish(found: readonly EnterpriseIndexRow[]): readonly EnterpriseIndexRow[] {
    lastSearch.set(index, { search, words, results: found });
    return found;
  }
}

/**
 * No words and no filters: every row, in the order already sorted once. No scan and no copy of
 * 10,000 rows each time the list opens (garbage a slow phone collects in the next tap's frame).
 */
function isEverything(words: readonly string[], tests: readonly Predicate[]): boolean {
  return words.length === 0 && tests.length === 0;
}

export type FirstMatches = {
  rows: readonly EnterpriseIndexRow[];
  /** Every match is in `rows` (fewer than asked were found): no complete search is needed. */
  complete: boolean;
};

/**
 * The first `limit` matches in the default order: what fills the screen. When many rows match
 * (a broad query), they are found after a few rows instead of all 10,000, so the list can follow
 * each keystroke at once and the complete search (searchEnterprises) can come a moment later.
 */
export function firstMatches(
  index: readonly EnterpriseIndexRow[],
  search: EnterpriseSearch,
  limit: number,
): FirstMatches {
  const words = queryWords(search.query);
  const tests = filterPredicates(search);
  if (isEverything(words, tests)) return { rows: searchEnterprises(index, search), complete: true };
  const rows: EnterpriseIndexRow[] = [];
  const start = candidates(index, search, words, tests);
  for (const row of start.rows) {
    if (!matches(row, start.words, start.tests)) continue;
    if (rows.length === limit) return { rows, complete: false };
    rows.push(row);
  }
  // Every match: the next keystroke narrows from here.
  lastSearch.set(index, { search, words, results: rows });
  return { rows, complete: true };
}
