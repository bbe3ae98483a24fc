import { subtle, utf8 } from './bytes';

/**
 * What names a session for its revocation (docs/design.md §5 `POST /api/auth/revoke`): the
 * SHA-256 of the bearer token's UTF-8 text, in lowercase hex — the key the server stores the
 * session under. A device signing out offline keeps this, never the token: it revokes the
 * session but signs no one in (the server only ever looks a token up by hashing it).
 */
export async function sessionTokenHash(token: string): Promise<string> {
  const digest = new Uint8Array(await subtle().digest('SHA-256', utf8(token)));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
