import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { User } from '../../shared/schemas';
import type { Store } from '../store/types';

/**
 * Pull cursors: `seq.scope.signature`, base64url-encoded. The HMAC key is app_meta's
 * `cursor_secret`, made once in the database, so a cursor stays valid across restarts and on
 * every server sharing the database, and a client cannot forge a position it was never given.
 * `scope` ties the cursor to the user, role and unit it was issued for: when they change (the
 * user was moved, or another user signs in on the device), the next pull starts over instead of
 * skipping the records that just came into view, and answers `reset: true`.
 */

// The secret never changes once made, so remembering it per store keeps nothing that matters.
const secrets = new WeakMap<Store, Promise<Buffer>>();

export function cursorSecret(store: Store): Promise<Buffer> {
  let secret = secrets.get(store);
  if (!secret) {
    secret = store
      .query<{ value: string }>("SELECT value FROM app_meta WHERE key = 'cursor_secret'")
      .then((result) => {
        const value = result.rows[0]?.value;
        if (typeof value !== 'string' || value === '') throw new Error('cursor_secret is missing');
        return Buffer.from(value, 'utf8');
      });
    secrets.set(store, secret);
    secret.catch(() => secrets.delete(store));
  }
  return secret;
}

/**
 * The user too, not only their role and unit: what a pull sends depends on who reads it (need to
 * know: an organizer receives the personal fields of their own applications only).
 */
export function scopeTag(user: Pick<User, 'id' | 'role' | 'unitId'>): string {
  return createHash('sha256')
    .update(`${user.id}:${user.role}:${user.unitId}`)
    .digest('base64url')
    .slice(0, 12);
}

function sign(secret: Buffer, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url').slice(0, 32);
}

export function encodeCursor(secret: Buffer, seq: number, tag: string): string {
  const payload = `${seq}.${tag}`;
  return Buffer.from(`${payload}.${sign(secret, payload)}`, 'utf8').toString('base64url');
}

export type DecodedCursor = { seq: number; tag: string };

/** The position a cursor stands for; undefined when the server did not issue it. */
export function decodeCursor(secret: Buffer, cursor: string): DecodedCursor | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return undefined;
  const [seqText, tag, signature, ...rest] = Buffer.from(cursor, 'base64url')
    .toString('utf8')
    .split('.');
  if (rest.length > 0 || !seqText || !tag || !signature || !/^\d{1,15}$/.test(seqText)) {
    return undefined;
  }
  const expected = Buffer.from(sign(secret, `${seqText}.${tag}`));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  return { seq: Number(seqText), tag };
}
