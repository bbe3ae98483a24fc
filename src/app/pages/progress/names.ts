import type { Session } from '../../../db';
import { t } from '../../../shared/i18n';
import { UNKNOWN_AUTHOR } from './activity';

/**
 * An organizer as the progress screens name them. The device holds no list of users: it can
 * name its own user; another organizer shows as the start of their id, which their supervisor
 * can match with the accounts list.
 */
export function organizerName(authorId: string | undefined, session: Session): string {
  if (authorId === undefined || authorId === UNKNOWN_AUTHOR) return t('progress.organizer.unknown');
  if (authorId === session.user.id) return session.user.displayName;
  return t('progress.organizer.other', { id: authorId.slice(0, 8) });
}
