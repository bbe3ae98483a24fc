import { addScreenMessages } from '../../../shared/i18n';
import { supervisorVi } from '../../../shared/i18n/catalog/supervisor';

/**
 * The supervisor's screens' Vietnamese travels with their chunk, not with the first screen: each
 * of their page modules calls this once as it loads, before anything is drawn.
 */
export function addSupervisorMessages(): void {
  addScreenMessages(supervisorVi);
}
