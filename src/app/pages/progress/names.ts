import { type Directory, getMeta, type Session } from '../../../db';
import { t } from '../../../shared/i18n';
import { appDb } from '../../db';
import { useLoad } from '../../hooks/useLoad';
import { UNKNOWN_AUTHOR } from './activity';

/**
 * An organizer as the progress screens name them: by the display name the server gave for the
 * people of the user's scope (kept in the meta table, src/app/directory.ts), the device's own
 * user by the session; someone the device cannot name yet (the names not fetched since they
 * joined) shows as the start of their id.
 */
export type NameOf = (authorId: string | undefined) => string;

export function organizerName(
  authorId: string | undefined,
  session: Session,
  names: ReadonlyMap<string, string> = new Map(),
): string {
  if (authorId === undefined || authorId === UNKNOWN_AUTHOR) return t('progress.organizer.unknown');
  const named = names.get(authorId);
  if (named !== undefined) return named;
  if (authorId === session.user.id) return session.user.displayName;
  return t('progress.organizer.other', { id: authorId.slice(0, 8) });
}

export function namesOf(directory: Directory | undefined): Map<string, string> {
  return new Map((directory?.users ?? []).map((user) => [user.id, user.displayName]));
}

async function readNames(): Promise<Map<string, string>> {
  return namesOf(await getMeta(appDb(), 'directory'));
}

const NONE: ReadonlyMap<string, string> = new Map();

/** The names the device keeps, read again when they change; ids until they are read. */
export function useOrganizerNames(session: Session): NameOf {
  const names = useLoad(['meta'], readNames, []);
  const known = names.load.status === 'ready' ? names.load.value : NONE;
  return (authorId) => organizerName(authorId, session, known);
}
