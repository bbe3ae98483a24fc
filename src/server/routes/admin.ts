import { Hono } from 'hono';
import { todayInVietnam } from '../../shared/domain/dates';
import {
  accessLogQuerySchema,
  createUnitRequestSchema,
  createUserRequestSchema,
} from '../../shared/protocol';
import { uuidSchema } from '../../shared/schemas';
import { createUnit, createUser, signOutEverywhere } from '../accounts/manage';
import { subtreeIds } from '../accounts/units';
import { requireAdmin, requireUser } from '../auth/require-user';
import { limitBody, parseWith, readBody, SMALL_BODY_BYTES } from '../http/body';
import type { AppEnv } from '../http/context';
import { apiError } from '../http/errors';
import { readAccessLog } from '../privacy/access-log';
import { accessLogSheet } from '../privacy/access-log-sheet';
import { csvText } from '../reports/csv';
import type { Store } from '../store/types';

export function adminRoutes(store: Store): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const guard = [requireUser(store), requireAdmin] as const;
  const small = limitBody(SMALL_BODY_BYTES);

  routes.post('/units', ...guard, small, async (c) => {
    const input = await readBody(c, createUnitRequestSchema, 'unit');
    return c.json(await createUnit(store, input, c.get('user')), 201);
  });

  routes.post('/users', ...guard, small, async (c) => {
    const input = await readBody(c, createUserRequestSchema, 'user');
    return c.json(await createUser(store, input, c.get('user')), 201);
  });

  /** Sign a user of the admin's subtree out on every device → 204. */
  routes.post('/users/:id/sign-out', ...guard, async (c) => {
    const id = parseWith(uuidSchema, c.req.param('id'), 'user');
    await signOutEverywhere(store, id, c.get('user'));
    return c.body(null, 204);
  });

  /**
   * The access log of the admin's subtree (docs/design.md §5 "Access log"), or of one unit of it
   * and the units below; 403 for a unit outside it. `format=csv` is a download.
   */
  routes.get('/access-log', ...guard, async (c) => {
    const query = parseWith(accessLogQuerySchema, c.req.query(), 'query');
    const admin = c.get('user');
    const reach = await subtreeIds(store, admin.unitId);
    if (query.unitId !== undefined && !reach.includes(query.unitId)) {
      throw apiError(403, 'forbidden');
    }
    const unitIds = query.unitId === undefined ? reach : await subtreeIds(store, query.unitId);
    const entries = await readAccessLog(store, unitIds, query);
    if (query.format === 'json') return c.json({ entries });
    const sheet = accessLogSheet(entries, todayInVietnam());
    return c.body(csvText(sheet), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${sheet.fileName}.csv"`,
    });
  });

  return routes;
}
