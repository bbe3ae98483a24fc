import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

export type ClientAddressOf = (c: Context) => string;

function socketAddress(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    // app.request() in tests and other non-Node adapters have no socket.
    return undefined;
  }
}

/**
 * The address login throttling counts against. By default the TCP peer: X-Forwarded-For is
 * whatever the client wants it to be. Behind ONE reverse proxy (TRUST_PROXY=1), the peer is the
 * proxy, and the last X-Forwarded-For entry, appended by that proxy, is the real client.
 */
export function clientAddressResolver(options: { trustProxy?: boolean } = {}): ClientAddressOf {
  return (c) => {
    if (options.trustProxy) {
      const forwarded = c.req.header('x-forwarded-for')?.split(',').pop()?.trim();
      if (forwarded) return forwarded.slice(0, 100);
    }
    return socketAddress(c) ?? 'unknown';
  };
}
