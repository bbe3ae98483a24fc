import { addScreenMessages } from '../../../shared/i18n';
import { lockVi } from '../../../shared/i18n/catalog/lock';

/** The lock's Vietnamese travels with its chunk; each module of it calls this as it loads. */
export function addLockMessages(): void {
  addScreenMessages(lockVi);
}
