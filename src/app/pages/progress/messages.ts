import { addScreenMessages } from '../../../shared/i18n';
import { progressVi } from '../../../shared/i18n/catalog/progress';

/**
 * The progress screens' Vietnamese travels with their chunk, not with the first screen: each of
 * their page modules calls this once as it loads, before anything is drawn.
 */
export function addProgressMessages(): void {
  addScreenMessages(progressVi);
}
