import type { Enterprise, IndicatorEntry, SignupRecord, Target } from '../schemas';
import type { Issue } from '../vn/issue';
import { type AccessFacts, authorizeWrite, type Write, withCreatorAssignment } from './access';
import { foundingAct } from './access-enterprise';
import { checkDecisionIssuer, type IdNumberHolder, idNumberDuplicateIssues } from './admission';
import { checkFoundingRecord, checkStageChange, withFoundingDefaults } from './pipeline';
import type { Actor } from './roles';
import { sameValue } from './same-value';
import { targetUniquenessIssues } from './targets';

/**
 * Every rule a stored write must pass beyond its record's own check (checkEnterprise,
 * reviewSignup, checkIndicatorEntry…), in one place for the server's push and the device's
 * queue: who may make it (authorizeWrite), the pipeline (a stage move and a founding need their
 * applications, and a founding is recorded whole: checkFoundingRecord), the unit that issued a
 * decision, the one-member-per-ID-number rule and one target per unit, year and indicator.
 *
 *   const write = prepareWrite(actor, raw);           // server-filled fields
 *   const issues = checkWriteRules(actor, write, facts);
 *   if (hasErrors(issues)) → rejected (code `forbidden` when an issue's code starts so)
 */

export type WriteFacts = AccessFacts & {
  /**
   * Submitted and accepted applications at the enterprise being written (its stage move or
   * founding is judged on them). Absent counts as none, which refuses rather than lets through.
   */
  applicationCount?: number;
  /**
   * Other applications of the federation with the same ID number as the signup written (the
   * server looks up the accepted ones by idNumberKey).
   */
  sameIdNumber?: readonly IdNumberHolder[];
  /** Targets of the unit, year and indicator of the target written (one per key). */
  sameTargetKey?: readonly Pick<Target, 'id' | 'unitId' | 'year' | 'indicator'>[];
};

/** The write with what the server fills before judging it: founding defaults, the creator's assignment. */
export function prepareWrite(actor: Actor, write: Write): Write {
  if (write.entity !== 'enterprise' || write.op !== 'put') return write;
  const filled = withFoundingDefaults(write.stored, write.incoming);
  return { ...write, incoming: withCreatorAssignment(actor, write.stored, filled) };
}

/** Issues of the write; a refusal by role comes alone (nothing else is judged then). */
export function checkWriteRules(actor: Actor, write: Write, facts: WriteFacts): Issue[] {
  const forbidden = authorizeWrite(actor, write, facts);
  if (forbidden.length > 0 || write.op === 'delete') return forbidden;
  switch (write.entity) {
    case 'enterprise':
      return enterpriseRules(write.stored, write.incoming, facts);
    case 'signup':
      return signupRules(write.stored, write.incoming, facts);
    case 'indicatorEntry':
      return entryRules(write.stored, write.incoming, facts);
    case 'target':
      return targetUniquenessIssues(write.incoming, facts.sameTargetKey ?? []);
    default:
      return [];
  }
}

function enterpriseRules(
  stored: Enterprise | undefined,
  incoming: Enterprise,
  facts: WriteFacts,
): Issue[] {
  const count = facts.applicationCount ?? 0;
  const issues = checkStageChange(stored, incoming, count);
  if (foundingAct(stored, incoming)?.action === 'record_founding') {
    // A move to `founded` ran checkFounding already: its issues are not repeated.
    const found = new Set(issues.map((issue) => issue.code));
    issues.push(...checkFoundingRecord(incoming, count).filter((i) => !found.has(i.code)));
  }
  const decision = incoming.foundingDecision;
  if (decision !== undefined && !sameValue(decision, stored?.foundingDecision)) {
    const field = 'foundingDecision.issuedBy';
    issues.push(...checkDecisionIssuer(decision.issuedBy, incoming.unitId, facts.units, field));
  }
  return issues;
}

function signupRules(
  stored: SignupRecord | undefined,
  incoming: SignupRecord,
  facts: WriteFacts,
): Issue[] {
  if (incoming.status !== 'accepted') return [];
  // Judged when the person becomes a member, or their ID number changes; an edit of a member's
  // other fields is not held back by a duplicate found later.
  const newMember = stored?.status !== 'accepted' || stored.idNumber !== incoming.idNumber;
  const duplicates = newMember ? idNumberDuplicateIssues(incoming, facts.sameIdNumber ?? []) : [];
  const issues = duplicates.filter((issue) => issue.level === 'error');
  const before = stored?.status === 'accepted' ? stored.decision : undefined;
  const unitId = facts.enterprises?.find((e) => e.id === incoming.enterpriseId)?.unitId;
  if (incoming.decision !== undefined && !sameValue(incoming.decision, before)) {
    const issuer = incoming.decision.issuedBy;
    issues.push(...checkDecisionIssuer(issuer, unitId ?? '', facts.units));
  }
  return issues;
}

function entryRules(
  stored: IndicatorEntry | undefined,
  incoming: IndicatorEntry,
  facts: WriteFacts,
): Issue[] {
  const decision = incoming.decision;
  if (decision === undefined || sameValue(decision, stored?.decision)) return [];
  return checkDecisionIssuer(decision.issuedBy, incoming.unitId, facts.units);
}
