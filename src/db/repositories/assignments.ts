import { fieldIssue } from '../../shared/domain/issues';
import type { Actor } from '../../shared/domain/roles';
import type { DirectoryUser } from '../../shared/protocol';
import type { Issue } from '../../shared/vn/issue';
import { nowIso } from '../clock';
import type { SotayDb } from '../database';
import { guardStorage } from '../errors';
import { toServerRecord, type UnitRow } from '../rows';
import { enterpriseChange } from './enterprises';
import { type LocalWrite, readOutboxStates, writeLocalChanges } from './local-change';
import { getMeta } from './meta';
import { writeRefusals } from './supervision';

/**
 * Assignments (phân công, docs/design.md §3): a supervisor names the organizer who follows an
 * enterprise (`assignedTo`), one by one or a whole ward at once. The assignee must be an active
 * user of the enterprise's unit: checkWriteRules judges it with the people of the user's scope
 * (GET /api/units/users, kept in `meta` as `directory` by src/app/directory.ts), as the server
 * will on push.
 */

export const ASSIGNMENT_TABLES = ['enterprises', 'units', 'meta'] as const;

export type AssignableEnterprise = {
  id: string;
  name: string;
  unitId: string;
  wardCode: string;
  assignedTo?: string | undefined;
};

export type AssignmentData = {
  enterprises: AssignableEnterprise[];
  units: UnitRow[];
  people: DirectoryUser[];
  /** When the list of people was last fetched; undefined when never. */
  peopleFetchedAt?: string | undefined;
};

export async function loadAssignmentData(db: SotayDb): Promise<AssignmentData> {
  const [rows, units, people] = await Promise.all([
    db.enterprises.toArray(),
    db.units.toArray(),
    getMeta(db, 'directory'),
  ]);
  return {
    enterprises: rows.map(({ id, name, unitId, wardCode, assignedTo }) => ({
      id,
      name,
      unitId,
      wardCode,
      assignedTo,
    })),
    units,
    people: people?.users ?? [],
    peopleFetchedAt: people?.fetchedAt,
  };
}

export type AssignmentResult = {
  assigned: string[];
  refused: { id: string; issues: Issue[] }[];
};

/**
 * Assigns the enterprises `ids` to `assignedTo` (undefined: unassigned) in one transaction, a
 * ward's enterprises in two rounds of requests (readOutboxStates, writeLocalChanges); an
 * enterprise already assigned so is left alone, one the rules refuse is returned with why.
 */
export async function assignEnterprises(
  db: SotayDb,
  actor: Actor,
  ids: readonly string[],
  assignedTo: string | undefined,
  people: readonly DirectoryUser[],
): Promise<AssignmentResult> {
  const now = nowIso();
  const tables = [db.enterprises, db.units, db.outbox, db.shadows];
  return guardStorage(() =>
    db.transaction('rw', tables, async () => {
      const [rows, units, outbox] = await Promise.all([
        db.enterprises.bulkGet([...ids]),
        db.units.toArray(),
        readOutboxStates(db, 'enterprise', ids),
      ]);
      const result: AssignmentResult = { assigned: [], refused: [] };
      const writes: LocalWrite[] = [];
      rows.forEach((stored, index) => {
        const id = ids[index] ?? '';
        if (stored === undefined) {
          result.refused.push({ id, issues: [fieldIssue('enterprise', 'id', 'invalid')] });
          return;
        }
        if (stored.assignedTo === assignedTo) return;
        const before = toServerRecord('enterprise', stored);
        const { assignedTo: _before, ...rest } = before;
        const incoming = assignedTo === undefined ? rest : { ...rest, assignedTo };
        const refused = writeRefusals(
          actor,
          { entity: 'enterprise', op: 'put', stored: before, incoming },
          { units, users: people },
        );
        if (refused.length > 0) {
          result.refused.push({ id, issues: refused });
          return;
        }
        const state = outbox.get(id);
        if (state === undefined) return;
        result.assigned.push(id);
        writes.push({ change: enterpriseChange(incoming), stored, state });
      });
      await writeLocalChanges(db, writes, now);
      return result;
    }),
  );
}
