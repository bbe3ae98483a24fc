import type { Write } from '../../shared/domain/access';
import { type IdNumberHolder, idNumberKey } from '../../shared/domain/admission';
import type { Actor } from '../../shared/domain/roles';
import type { UnitLink } from '../../shared/domain/units';
import type { WriteFacts } from '../../shared/domain/write-rules';
import { checkWriteRules, prepareWrite } from '../../shared/domain/write-rules';
import type { SignupStatus, Target, User } from '../../shared/schemas';
import type { Issue } from '../../shared/vn';
import type { Sql } from '../store/types';
import { countApplications, findRecord } from './records';

/**
 * What the shared write rules (domain/write-rules.ts) read besides the two records, read from
 * the database inside the mutation's transaction, after the write lock (write-lock.ts): no other
 * writer can change them before this mutation commits, so what is judged is what is written.
 */

/** The user and the unit tree as the rules see them, read once per transaction (TxFacts). */
export type ActorFacts = { actor: Actor; units: readonly UnitLink[] };

/**
 * The user's role and unit as stored now (not as their session read them), and the units the
 * rules can name: the user's unit, every unit below it and every unit above it (a decision's
 * issuer stands on the record's line of the tree). A user deactivated since sign-in reaches no
 * unit, so every write of theirs is forbidden.
 */
async function loadActorFacts(tx: Sql, user: User): Promise<ActorFacts> {
  // One statement, not the user and then their units, prepared once per connection (its plan is
  // the same for every user, and planning it took half its time): it runs in every push
  // transaction, under the write lock, where each round trip makes every other push wait.
  const stored = await tx.query<{
    role: User['role'];
    unit_id: string;
    active: boolean;
    units: { id: string; parent_id: string | null }[] | null;
  }>(
    `WITH RECURSIVE me AS (
       SELECT role, unit_id, active FROM users WHERE id = $1
     ), down AS (
       SELECT u.id, u.parent_id FROM units u JOIN me ON u.id = me.unit_id WHERE me.active
       UNION
       SELECT u.id, u.parent_id FROM units u JOIN down ON u.parent_id = down.id
     ), up AS (
       SELECT u.id, u.parent_id FROM units u JOIN units mine ON u.id = mine.parent_id
         JOIN me ON mine.id = me.unit_id WHERE me.active
       UNION
       SELECT u.id, u.parent_id FROM units u JOIN up ON u.id = up.parent_id
     )
     SELECT me.role, me.unit_id, me.active,
       (SELECT json_agg(json_build_object('id', t.id, 'parent_id', t.parent_id))
        FROM (SELECT id, parent_id FROM down UNION SELECT id, parent_id FROM up) t) AS units
     FROM me`,
    [user.id],
    { name: 'actor_facts' },
  );
  const row = stored.rows[0];
  if (!row?.active)
    return { actor: { id: user.id, role: user.role, unitId: user.unitId }, units: [] };
  return {
    actor: { id: user.id, role: row.role, unitId: row.unit_id },
    units: (row.units ?? []).map((unit) => ({
      id: unit.id,
      ...(unit.parent_id === null ? {} : { parentId: unit.parent_id }),
    })),
  };
}

/**
 * What one transaction reads once: the ActorFacts, and the units of the federation (the root of
 * a unit's tree and every unit below it) of each unit a decision names. Read at the first
 * mutation that needs them, under the write lock, which the transaction then holds to its commit
 * (units and users are written under it too), so the later mutations of the batch read the same.
 */
export type TxFacts = {
  actorFacts(tx: Sql): Promise<ActorFacts>;
  federationOf(tx: Sql, unitId: string): Promise<readonly string[]>;
};

/** `read` once; a failed read (its savepoint rolled back) is read again by the next caller. */
function once<T>(cache: Map<string, Promise<T>>, key: string, read: () => Promise<T>): Promise<T> {
  let loaded = cache.get(key);
  if (loaded === undefined) {
    loaded = read().catch((error: unknown) => {
      cache.delete(key);
      throw error;
    });
    cache.set(key, loaded);
  }
  return loaded;
}

export function txFacts(user: User): TxFacts {
  const actors = new Map<string, Promise<ActorFacts>>();
  const federations = new Map<string, Promise<readonly string[]>>();
  return {
    actorFacts: (tx) => once(actors, user.id, () => loadActorFacts(tx, user)),
    federationOf: (tx, unitId) => once(federations, unitId, () => loadFederation(tx, unitId)),
  };
}

/** The units of `unitId`'s federation: the root of its tree and every unit below the root. */
async function loadFederation(tx: Sql, unitId: string): Promise<string[]> {
  const result = await tx.query<{ id: string }>(
    `WITH RECURSIVE up AS (
       SELECT id, parent_id FROM units WHERE id = $1
       UNION
       SELECT u.id, u.parent_id FROM units u JOIN up ON u.id = up.parent_id
     ), federation AS (
       SELECT id FROM up WHERE parent_id IS NULL
       UNION
       SELECT u.id FROM units u JOIN federation ON u.parent_id = federation.id
     )
     SELECT id FROM federation`,
    [unitId],
  );
  return result.rows.map((row) => row.id);
}

/** An enterprise's unit as the rules read it: a live enterprise's, else `fallback`. */
async function enterpriseLink(
  tx: Sql,
  enterpriseId: string,
  fallback: string | undefined,
): Promise<{ id: string; unitId: string } | undefined> {
  const enterprise = await findRecord(tx, 'enterprise', enterpriseId);
  if (enterprise && !enterprise.deleted) return { id: enterpriseId, unitId: enterprise.unitId };
  return fallback === undefined ? undefined : { id: enterpriseId, unitId: fallback };
}

function enterpriseIdOf(record: unknown): string | undefined {
  const id = (record as { enterpriseId?: unknown } | undefined)?.enterpriseId;
  return typeof id === 'string' ? id : undefined;
}

async function assignee(tx: Sql, userId: string) {
  const result = await tx.query<{ id: string; unit_id: string; active: boolean }>(
    'SELECT id, unit_id, active FROM users WHERE id = $1',
    [userId],
  );
  const row = result.rows[0];
  return row ? [{ id: row.id, unitId: row.unit_id, active: row.active }] : [];
}

/**
 * Accepted applications of the federation (`federation`: its units, TxFacts.federationOf) with
 * the ID number `idNumber` compares equal to (idNumberKey: letters and digits, upper-case;
 * migration 007 indexes it).
 */
async function membersWithIdNumber(
  tx: Sql,
  federation: readonly string[],
  idNumber: string | undefined,
): Promise<IdNumberHolder[]> {
  const key = idNumberKey(idNumber);
  if (key === '') return [];
  const result = await tx.query<{ id: string; status: SignupStatus; id_number: string }>(
    `SELECT r.id, r.data->>'status' AS status, r.data->>'idNumber' AS id_number
     FROM records r
     WHERE r.entity = 'signup' AND NOT r.deleted AND r.data->>'status' = 'accepted'
       AND upper(regexp_replace(r.data->>'idNumber', '[^0-9A-Za-z]', '', 'g')) = $2
       AND r.unit_id = ANY($1::uuid[])`,
    [federation, key],
  );
  return result.rows.map((row) => ({ id: row.id, status: row.status, idNumber: row.id_number }));
}

/** The live targets of the same unit, year and indicator as `target`. */
async function targetsOfKey(tx: Sql, target: Target): Promise<Target[]> {
  const result = await tx.query<{ data: Target }>(
    `SELECT data FROM records
     WHERE entity = 'target' AND NOT deleted AND unit_id = $1
       AND data->>'year' = $2 AND data->>'indicator' = $3`,
    [target.unitId, String(target.year), target.indicator],
  );
  return result.rows.map((row) => row.data);
}

/**
 * What the caller read already: the stored record's unit column (`storedUnit`), and the live
 * enterprise a visit or application is written into (`parent`).
 */
export type KnownUnits = {
  storedUnit?: string | undefined;
  parent?: { id: string; unitId: string } | undefined;
};

/**
 * The facts `write` is judged on: the enterprises its records belong to (`storedUnit`, the
 * stored record's unit column, stands in for an enterprise deleted since), the user an
 * assignment names, the applications a stage move or founding counts, the members sharing an
 * accepted applicant's ID number, the targets sharing a target's unit, year and indicator.
 */
export async function writeFacts(
  tx: Sql,
  txFacts: TxFacts,
  base: ActorFacts,
  write: Write,
  known: KnownUnits,
): Promise<WriteFacts> {
  const { storedUnit, parent } = known;
  const incoming = write.op === 'put' ? write.incoming : undefined;
  const facts: WriteFacts = { units: base.units };
  const enterprises: { id: string; unitId: string }[] = [];
  const link = (id: string, fallback: string | undefined) =>
    parent?.id === id ? parent : enterpriseLink(tx, id, fallback);
  const storedEnterprise = enterpriseIdOf(write.stored);
  const incomingEnterprise = enterpriseIdOf(incoming);
  for (const [id, fallback] of [
    [storedEnterprise, storedUnit],
    [incomingEnterprise === storedEnterprise ? undefined : incomingEnterprise, undefined],
  ] as const) {
    const found = id === undefined ? undefined : await link(id, fallback);
    if (found) enterprises.push(found);
  }
  facts.enterprises = enterprises;
  if (write.entity === 'enterprise' && write.op === 'put') {
    const assigned = write.incoming.assignedTo;
    if (assigned !== undefined) facts.users = await assignee(tx, assigned);
    facts.applicationCount = await countApplications(tx, write.incoming.id);
  }
  if (write.entity === 'target' && write.op === 'put') {
    facts.sameTargetKey = await targetsOfKey(tx, write.incoming);
  }
  if (write.entity === 'signup' && write.op === 'put' && write.incoming.status === 'accepted') {
    const unitId = enterprises.find((e) => e.id === incomingEnterprise)?.unitId;
    const idNumber = write.incoming.idNumber;
    facts.sameIdNumber =
      unitId === undefined
        ? []
        : await membersWithIdNumber(tx, await txFacts.federationOf(tx, unitId), idNumber);
  }
  return facts;
}

export type Verdict =
  | { ok: true; write: Write }
  | { ok: false; code: 'forbidden' | 'validation_failed'; issues: Issue[] };

/**
 * The shared write rules (docs/design.md §3), the same functions the device runs: prepareWrite
 * fills what the server sets (the founding defaults, an organizer's own new enterprise), then
 * checkWriteRules judges the write against the user's role and unit, the pipeline, the decision's
 * issuer and the one member per ID number, on facts read now. A refusal by role is `forbidden`,
 * any other error `validation_failed`; both name the field.
 */
export async function judgeWrite(
  tx: Sql,
  facts: TxFacts,
  raw: Write,
  known: KnownUnits,
): Promise<Verdict> {
  const base = await facts.actorFacts(tx);
  const write = prepareWrite(base.actor, raw);
  const read = await writeFacts(tx, facts, base, write, known);
  const issues = checkWriteRules(base.actor, write, read).filter((i) => i.level === 'error');
  if (issues.length === 0) return { ok: true, write };
  const forbidden = issues.some((issue) => issue.code.startsWith('forbidden'));
  return { ok: false, code: forbidden ? 'forbidden' : 'validation_failed', issues };
}
