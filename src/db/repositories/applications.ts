import type { SignupRow } from '../rows';

/**
 * The signups that count as applications collected: not drafts, not rejected. A module of its
 * own: the enterprise page's read (first screen) must not pull in the signup repository.
 */
export const APPLICATION_STATUSES: readonly SignupRow['status'][] = ['submitted', 'accepted'];
