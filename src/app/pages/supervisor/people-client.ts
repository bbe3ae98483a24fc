import * as v from 'valibot';
import { markSessionExpired, savePeople } from '../../../db';
import { t } from '../../../shared/i18n';
import { peopleResponseSchema } from '../../../shared/protocol';
import { appDb } from '../../db';

/**
 * Fetches whom the supervisor may assign enterprises to (GET /api/people) and keeps the list on
 * the device; the assignments screen reads it from there, online or not. Resolves to a message
 * when the list could not be fetched (the kept one stays).
 */
export async function refreshPeople(token: string): Promise<string | undefined> {
  if (!navigator.onLine) return t('assignments.offline');
  let response: Response;
  try {
    response = await fetch('/api/people', { headers: { authorization: `Bearer ${token}` } });
  } catch {
    return t('assignments.offline');
  }
  if (response.status === 401) {
    // As the sync does: keep everything, ask for the password again.
    await markSessionExpired(appDb());
    return t('assignments.refreshFailed', { status: 401 });
  }
  if (!response.ok) return t('assignments.refreshFailed', { status: response.status });
  const parsed = v.safeParse(peopleResponseSchema, await response.json());
  if (!parsed.success) return t('assignments.refreshFailed', { status: response.status });
  await savePeople(appDb(), parsed.output.people);
  return undefined;
}
