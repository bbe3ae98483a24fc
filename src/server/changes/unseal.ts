import type { SealOpeningKeys } from '../../shared/crypto';
import { type ApiErrorCode, type FieldIssue, sealedContext } from '../../shared/protocol';
import { makeIssue } from '../../shared/vn/issue';
import type { SealKeyStore } from '../keys/key-store';
import { openSealed, sealOpeningKeys } from '../keys/keyring';
import type { RawMutation } from './apply';

/**
 * Sealed delivery on push (docs/design.md §5 "Sealing"): a mutation carrying `sealed` is opened
 * here, before its transaction, into the plain form `{…, data}` it stands for; from then on it is
 * judged exactly like a plain mutation (same gate, same rules, same idempotency). The keys are
 * read once per push, and only when a mutation is sealed: every key not retired opens, so records
 * queued on a phone before a rotation still arrive.
 *
 * An envelope that does not open is that mutation's rejection (`sealed_unknown_key`,
 * `sealed_invalid`), never a 5xx, and nothing of it is logged.
 */

type Refusal = { code: ApiErrorCode; fields?: FieldIssue[] };

export type Unsealed =
  | { ok: true; raw: RawMutation }
  | { ok: false; raw: RawMutation; error: Refusal };

function refusal(raw: RawMutation, error: Refusal): Unsealed {
  return { ok: false, raw, error };
}

function sealedWithData(raw: RawMutation): Unsealed {
  return refusal(raw, {
    code: 'validation_failed',
    fields: [makeIssue('sealed', 'error', 'mutation.sealed_with_data')],
  });
}

async function unsealOne(openers: SealOpeningKeys, raw: RawMutation): Promise<Unsealed> {
  if (raw['data'] !== undefined) return sealedWithData(raw);
  const context = sealedContext({
    entity: String(raw['entity']),
    entityId: String(raw['entityId']),
  });
  let opened: Awaited<ReturnType<typeof openSealed>>;
  try {
    opened = await openSealed(openers, raw['sealed'], context);
  } catch {
    // Anything else open() could throw on hostile input is a broken envelope too.
    return refusal(raw, { code: 'sealed_invalid' });
  }
  if (!opened.ok) return refusal(raw, { code: opened.code });
  const { sealed: _sealed, ...plain } = raw;
  return { ok: true, raw: { ...plain, mutationId: raw.mutationId, data: opened.data } };
}

/**
 * Opens one push's sealed mutations; plain ones pass through as they are. The keys are loaded at
 * the first sealed mutation and kept for the rest of this push only.
 */
export function unsealer(sealKeys: SealKeyStore): (raw: RawMutation) => Promise<Unsealed> {
  let openers: Promise<SealOpeningKeys> | undefined;
  return async (raw) => {
    if (raw['sealed'] === undefined) return { ok: true, raw };
    openers ??= sealOpeningKeys(sealKeys);
    return unsealOne(await openers, raw);
  };
}
