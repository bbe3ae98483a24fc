import { addScreenMessages } from '../../shared/i18n';
import { syncVi } from '../../shared/i18n/catalog/sync-screen';

/**
 * The sync screen's Vietnamese travels with its chunk, not with the first screen: each module
 * that shows its strings calls this once as it loads, before anything is drawn.
 */
export function addSyncMessages(): void {
  addScreenMessages(syncVi);
}
