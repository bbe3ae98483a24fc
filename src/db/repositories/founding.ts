import { checkEnterprise } from '../../shared/domain/enterprise-check';
import { fieldIssue } from '../../shared/domain/issues';
import {
  applyFoundingDecision,
  checkFounding,
  type FoundingCounts,
} from '../../shared/domain/pipeline';
import type { Actor } from '../../shared/domain/roles';
import { checkWriteRules, prepareWrite } from '../../shared/domain/write-rules';
import type { Decision, Enterprise } from '../../shared/schemas';
import { nowIso } from '../clock';
import type { SotayDb } from '../database';
import { guardStorage, ValidationError } from '../errors';
import { toServerRecord } from '../rows';
import { APPLICATION_STATUSES } from './applications';
import { enterpriseChange } from './enterprises';
import { writeLocalChange } from './local-change';

/**
 * Records the founding of a CĐCS (thành lập CĐCS, docs/design.md §3): the recognition decision
 * and the counts of the founding day, in one transaction with its outbox row. Judged by the
 * functions the server runs: checkFounding (at least 5 submitted or accepted applications or
 * members at founding), applyFoundingDecision (founded, `cdcs`, foundedAt = the decision's date,
 * the worker count of that day kept), checkEnterprise, then checkWriteRules (the role, the
 * pipeline, the issuing unit). Throws ValidationError and writes nothing when refused.
 */
export async function recordFounding(
  db: SotayDb,
  actor: Actor,
  enterpriseId: string,
  decision: Decision,
  counts: FoundingCounts,
): Promise<Enterprise> {
  const now = nowIso();
  const tables = [db.enterprises, db.signups, db.units, db.outbox, db.shadows];
  return guardStorage(() =>
    db.transaction('rw', tables, async () => {
      const [stored, units, ...perStatus] = await Promise.all([
        db.enterprises.get(enterpriseId),
        db.units.toArray(),
        ...APPLICATION_STATUSES.map((status) =>
          db.signups.where('[enterpriseId+status]').equals([enterpriseId, status]).count(),
        ),
      ]);
      if (stored === undefined) {
        throw new ValidationError('enterprise', [fieldIssue('enterprise', 'id', 'invalid')]);
      }
      const applicationCount = perStatus.reduce((sum, n) => sum + n, 0);
      const founding = checkFounding({
        applicationCount,
        foundingDecision: decision,
        membersAtFounding: counts.membersAtFounding,
      });
      if (founding.length > 0) throw new ValidationError('enterprise', founding);
      const before = toServerRecord('enterprise', stored);
      const checked = checkEnterprise(applyFoundingDecision(before, decision, now, counts));
      if (checked.value === undefined) throw new ValidationError('enterprise', checked.issues);
      const write = prepareWrite(actor, {
        entity: 'enterprise',
        op: 'put',
        stored: before,
        incoming: checked.value,
      });
      const issues = checkWriteRules(actor, write, { units, applicationCount }).filter(
        (issue) => issue.level === 'error',
      );
      if (issues.length > 0) throw new ValidationError('enterprise', issues);
      // prepareWrite fills the enterprise's server defaults; it never changes the entity or op.
      const record =
        write.entity === 'enterprise' && write.op === 'put' ? write.incoming : checked.value;
      await writeLocalChange(db, enterpriseChange(record), stored, now);
      return record;
    }),
  );
}
