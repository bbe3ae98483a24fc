import type { Session } from '../../../db';
import { t } from '../../../shared/i18n';
import { organizerName } from '../progress/names';

let collator: Intl.Collator | undefined;

/** Options in Vietnamese order of their labels (`Đ` after `D`, accents after the bare letter). */
export function byVietnameseName<T extends { label: string }>(options: T[]): T[] {
  collator ??= new Intl.Collator('vi');
  const order = collator;
  return options.sort((a, b) => order.compare(a.label, b.label));
}

/** The organizer who collected an application, as the supervisor's lists name them. */
export function collectorName(authorId: string, session: Session): string {
  const name = organizerName(authorId, session);
  return authorId === session.user.id ? t('admissions.organizer.self', { name }) : name;
}
