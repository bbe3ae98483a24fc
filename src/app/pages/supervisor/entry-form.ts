import type { UnitRow } from '../../../db';
import { checkIndicatorEntry } from '../../../shared/domain/entry-check';
import { type Actor, unitsInReach } from '../../../shared/domain/roles';
import {
  type CountedEntry,
  type EntryKind,
  type IndicatorEntry,
  OPENING_KINDS,
} from '../../../shared/schemas';
import { formatDate } from '../../../shared/vn/core';
import type { Issue } from '../../../shared/vn/issue';
import { parseCount, parseOptionalDate } from '../../forms/parse';
import type { Option } from './admission-queue';
import { emptyDecision } from './decision-input';
import { byVietnameseName } from './names';

/** The entry form as typed; dates as `dd/mm/yyyy`, the decision optional (empty number: none). */
export type EntryForm = {
  unitId: string;
  kind: EntryKind | '';
  date: string;
  count: string;
  note: string;
  decision: { number: string; date: string; issuedBy: string };
};

export function newEntryForm(actor: Actor, today: string): EntryForm {
  return {
    unitId: actor.unitId,
    kind: '',
    date: formatDate(today),
    count: '',
    note: '',
    decision: { ...emptyDecision(actor.unitId, today), date: '' },
  };
}

export function entryFormOf(entry: CountedEntry, actor: Actor): EntryForm {
  const decision = entry.decision;
  return {
    unitId: entry.unitId,
    kind: entry.kind,
    date: formatDate(entry.date),
    count: String(entry.count),
    note: entry.note,
    decision: decision
      ? { number: decision.number, date: formatDate(decision.date), issuedBy: decision.issuedBy }
      : { number: '', date: '', issuedBy: actor.unitId },
  };
}

/** An opening count (members, CĐCS, NĐCS on 1 January) is dated the first day of its year. */
export function withKind(form: EntryForm, kind: EntryKind | ''): EntryForm {
  const opening = (OPENING_KINDS as readonly string[]).includes(kind);
  const year = (parseOptionalDate(form.date) ?? '').slice(0, 4);
  const date = opening && /^\d{4}$/.test(year) ? `01/01/${year}` : form.date;
  return { ...form, kind, date };
}

/** Map and check with checkIndicatorEntry (the server's check): the entry, or its issues. */
export function checkEntryForm(
  form: EntryForm,
  id: string,
  today: string,
): { value?: IndicatorEntry; issues: Issue[] } {
  const decided = form.decision.number.trim() !== '' || form.decision.date.trim() !== '';
  const input = {
    id,
    unitId: form.unitId,
    kind: form.kind,
    date: parseOptionalDate(form.date) ?? '',
    count: parseCount(form.count),
    note: form.note.trim().normalize('NFC'),
    ...(decided
      ? {
          decision: {
            number: form.decision.number.trim().normalize('NFC'),
            date: parseOptionalDate(form.decision.date) ?? '',
            issuedBy: form.decision.issuedBy,
          },
        }
      : {}),
  };
  return checkIndicatorEntry(input, { today });
}

/** The units a supervisor records entries for: their subtree (the roles table). */
export function entryUnitOptions(actor: Actor, units: readonly UnitRow[]): Option[] {
  const reach = unitsInReach(actor, 'record_entry', units);
  return byVietnameseName(
    units
      .filter((unit) => reach.has(unit.id))
      .map((unit) => ({ value: unit.id, label: unit.name })),
  );
}
