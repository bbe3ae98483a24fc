import { isRecord } from '../../shared/domain/record-input';
import {
  MAX_MUTATIONS_PER_PUSH,
  type PushResponse,
  pushEnvelopeSchema,
} from '../../shared/protocol';
import type { User } from '../../shared/schemas';
import { parseWith } from '../http/body';
import { apiError } from '../http/errors';
import type { SealKeyStore } from '../keys/key-store';
import type { Store } from '../store/types';
import { applyMutations } from './apply';
import { scopeOf } from './scope';
import { unsealer } from './unseal';

/**
 * `POST /api/sync/push` on a parsed body: 413 beyond MAX_MUTATIONS_PER_PUSH, 400 for an envelope
 * that cannot be answered mutation by mutation, else one result per mutation, in order (see
 * applyMutations); one bad mutation never blocks the others.
 */
export async function handlePush(
  store: Store,
  user: User,
  body: unknown,
  sealKeys: SealKeyStore,
): Promise<PushResponse> {
  if (isRecord(body) && Array.isArray(body['mutations'])) {
    if (body['mutations'].length > MAX_MUTATIONS_PER_PUSH) throw apiError(413, 'payload_too_large');
  }
  const envelope = parseWith(pushEnvelopeSchema, body, 'push');
  const scope = await scopeOf(store, user);
  const context = { user, scope, clientId: envelope.clientId, unseal: unsealer(sealKeys) };
  const results = await applyMutations(store, context, envelope.mutations);
  // PGlite: the answer promises durability, so the files must be written first.
  await store.flush();
  return { results };
}
