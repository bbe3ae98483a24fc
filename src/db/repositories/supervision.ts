import type { AccessFacts, Write } from '../../shared/domain/access';
import type { Actor } from '../../shared/domain/roles';
import { checkWriteRules, prepareWrite, type WriteFacts } from '../../shared/domain/write-rules';
import type { Issue } from '../../shared/vn/issue';
import type { SotayDb } from '../database';
import { ValidationError } from '../errors';

/**
 * The server's write rules (checkWriteRules, docs/design.md §3), run on the device before a
 * supervisor's write is stored: what the server would refuse is refused here first, with the
 * same issues, and nothing is written. `entity` names the ValidationError.
 */
export function requireWriteAllowed(
  actor: Actor,
  write: Write,
  facts: WriteFacts,
  entity: string,
): void {
  const issues = writeRefusals(actor, write, facts);
  if (issues.length > 0) throw new ValidationError(entity, issues);
}

/** The errors checkWriteRules finds in the write, after the server's fill (prepareWrite). */
export function writeRefusals(actor: Actor, write: Write, facts: WriteFacts): Issue[] {
  const prepared = prepareWrite(actor, write);
  return checkWriteRules(actor, prepared, facts).filter((issue) => issue.level === 'error');
}

/** The unit tree and the enterprises named, as the rules read them. */
export async function accessFacts(
  db: SotayDb,
  enterpriseIds: readonly (string | undefined)[] = [],
): Promise<AccessFacts> {
  const ids = enterpriseIds.filter((id): id is string => id !== undefined);
  const [units, enterprises] = await Promise.all([db.units.toArray(), db.enterprises.bulkGet(ids)]);
  return {
    units,
    enterprises: enterprises.flatMap((row) => (row ? [{ id: row.id, unitId: row.unitId }] : [])),
  };
}
