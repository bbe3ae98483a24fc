import type { SignupRecord } from '../schemas';
import type { Issue } from '../vn/issue';
import type { Context } from './access-context';
import { sameValue } from './same-value';

/** Visits and applications: work at an enterprise, and the decisions on applications. */

type AtEnterprise = { enterpriseId: string; authorId?: string | undefined };

function enterpriseUnits(ctx: Context, ...records: (AtEnterprise | undefined)[]) {
  return records.flatMap((r) => (r === undefined ? [] : [ctx.enterpriseUnit(r.enterpriseId)]));
}

/** In the user's scope, and someone else's record only where they may edit others' work. */
export function workAtEnterprise(
  ctx: Context,
  stored: AtEnterprise | undefined,
  incoming: AtEnterprise | undefined,
): Issue[] {
  const units = enterpriseUnits(ctx, stored, incoming);
  const scope = ctx.require('record_work', units, 'enterpriseId');
  if (scope.length > 0 || stored === undefined || stored.authorId === ctx.actor.id) return scope;
  return ctx.require('edit_others_work', units, 'authorId');
}

function decisionOf(signup: SignupRecord | undefined) {
  return signup === undefined || signup.status === 'draft'
    ? { decision: undefined, rejectionReason: undefined }
    : { decision: signup.decision, rejectionReason: signup.rejectionReason };
}

function isDecided(signup: SignupRecord | undefined): boolean {
  return signup?.status === 'accepted' || signup?.status === 'rejected';
}

/** The field that makes a signup write a decision, if it is one. */
function decisionField(
  stored: SignupRecord | undefined,
  incoming: SignupRecord | undefined,
): string | undefined {
  if (incoming === undefined) return isDecided(stored) ? 'status' : undefined;
  if (isDecided(incoming) && incoming.status !== stored?.status) return 'status';
  const before = decisionOf(stored);
  const after = decisionOf(incoming);
  if (!sameValue(before.decision, after.decision)) return 'decision';
  if (!sameValue(before.rejectionReason, after.rejectionReason)) return 'rejectionReason';
  // Any edit of a decided application is the decider's.
  return isDecided(stored) ? 'status' : undefined;
}

export function signupWrite(
  ctx: Context,
  stored: SignupRecord | undefined,
  incoming: SignupRecord | undefined,
): Issue[] {
  const units = enterpriseUnits(ctx, stored, incoming);
  const scope = ctx.require('record_work', units, 'enterpriseId');
  if (scope.length > 0) return scope;
  // Taking an accepted application back (deleting it, or any other status) removes a member.
  if (stored?.status === 'accepted' && incoming?.status !== 'accepted') {
    return ctx.require('delete_accepted_signup', units, 'status');
  }
  const field = decisionField(stored, incoming);
  if (field !== undefined) return ctx.require('decide_signup', units, field);
  return workAtEnterprise(ctx, stored, incoming);
}
