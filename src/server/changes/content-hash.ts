import { createHash, type Hash } from 'node:crypto';
import { isRecord } from '../../shared/domain/record-input';

/**
 * What a mutation id is bound to besides its user (docs/design.md §5): not the clientId.
 *
 * A sealed mutation is hashed in its opened, plain form (`data`, never `sealed`): the id names one
 * change of one record, not one encryption of it. Every seal draws a fresh ephemeral key and IV,
 * so the same record sealed twice (a device that sealed its queue again, or sent it once in clear
 * before it had pinned a key) never gives the same bytes; hashing the envelope would answer that
 * replay `mutation_id_taken` and quarantine a record that was in fact applied. Only an envelope
 * that does not open is hashed as sent (`sealed`): there is nothing else to hash, and its replay
 * answers the same rejection.
 */
const CONTENT_FIELDS = [
  'entity',
  'entityId',
  'op',
  'baseVersion',
  'data',
  'sealed',
  'replaced',
] as const;

type Token = { value: unknown } | { text: string };

/**
 * Feeds `value` to `hash` as canonical JSON (object keys sorted), without recursion: a push may
 * nest thousands of levels deep, which JSON.stringify would overflow on.
 */
function feedCanonical(hash: Hash, value: unknown): void {
  const pending: Token[] = [{ value }];
  while (pending.length > 0) {
    const token = pending.pop() as Token;
    if ('text' in token) {
      hash.update(token.text);
      continue;
    }
    const item = token.value;
    if (Array.isArray(item)) {
      const parts: Token[] = [{ text: '[' }];
      item.forEach((child, index) => {
        if (index > 0) parts.push({ text: ',' });
        parts.push({ value: child });
      });
      parts.push({ text: ']' });
      for (let i = parts.length - 1; i >= 0; i--) pending.push(parts[i] as Token);
    } else if (isRecord(item)) {
      const parts: Token[] = [{ text: '{' }];
      Object.keys(item)
        .sort()
        .forEach((key, index) => {
          parts.push({ text: `${index > 0 ? ',' : ''}${JSON.stringify(key)}:` });
          parts.push({ value: item[key] });
        });
      parts.push({ text: '}' });
      for (let i = parts.length - 1; i >= 0; i--) pending.push(parts[i] as Token);
    } else {
      // Numbers, strings, booleans and null; undefined (an absent field) as null.
      hash.update(JSON.stringify(item) ?? 'null');
    }
  }
}

/** SHA-256 (hex) of the mutation's content as sent, the same however its keys were ordered. */
export function mutationContentHash(raw: Record<string, unknown>): string {
  const hash = createHash('sha256');
  const content: Record<string, unknown> = {};
  for (const field of CONTENT_FIELDS) if (raw[field] !== undefined) content[field] = raw[field];
  feedCanonical(hash, content);
  return hash.digest('hex');
}
