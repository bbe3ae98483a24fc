import type { EntryKind, Indicator, IndicatorEntry, LegacyIndicatorEntry } from '../schemas';

/**
 * From the first model's entries (`{indicator, delta}`: a signed amount added to one indicator)
 * to the kinds of docs/design.md §3. Pure, so that the device's Dexie upgrade, the server's
 * migration and a backup import all migrate alike. Nothing is lost: id, unit, date, note and sync
 * fields are kept, and every entry still counts.
 *
 * | old indicator        | delta > 0                | delta < 0 (or 0)                     |
 * |----------------------|--------------------------|--------------------------------------|
 * | new_members          | admitted_outside         | adjustment of new_members            |
 * | net_members          | adjustment of net_members| left                                 |
 * | new_cdcs             | cdcs_founded_outside     | adjustment of new_cdcs               |
 * | new_cdcs_25          | cdcs25_founded_outside   | adjustment of new_cdcs_25            |
 * | new_ndcs             | ndcs_founded             | adjustment of new_ndcs               |
 * | party_introductions  | party_introduced         | adjustment of party_introductions    |
 * | informal_members     | informal_admitted        | adjustment of informal_members       |
 * | party_admissions     | party_admitted           | adjustment of party_admissions       |
 *
 * Why the adjustments: a negative `new_members` (or `new_cdcs`…) entry was a correction of an
 * earlier figure; no kind lowers an admission count, and `left` would move the net figure, not
 * the admissions. A positive `net_members` entry was a net figure reported by hand (the first
 * model computed net from entries only); `transferred_in` would invent transfers that nobody
 * recorded. An `adjustment` keeps the old indicator and signed delta exactly, and the indicator
 * functions add the delta to that indicator (and to what is built on it: net on new_members,
 * the member total on net). A zero delta becomes an adjustment of 0, kept for its note.
 * A negative `net_members` is members gone: `left`, which lowers net exactly as before.
 */

const GROWTH_KIND: Record<Indicator, EntryKind | undefined> = {
  new_members: 'admitted_outside',
  net_members: undefined,
  informal_members: 'informal_admitted',
  new_cdcs: 'cdcs_founded_outside',
  new_cdcs_25: 'cdcs25_founded_outside',
  new_ndcs: 'ndcs_founded',
  party_introductions: 'party_introduced',
  party_admissions: 'party_admitted',
};

/** The entry in the current model; see the table above. */
export function migrateIndicatorEntry(old: LegacyIndicatorEntry): IndicatorEntry {
  const { indicator, delta, ...kept } = old;
  const growth = GROWTH_KIND[indicator];
  if (delta > 0 && growth !== undefined) return { ...kept, kind: growth, count: delta };
  if (delta < 0 && indicator === 'net_members') return { ...kept, kind: 'left', count: -delta };
  return { ...kept, kind: 'adjustment', indicator, delta };
}
