import type { User } from '../../shared/schemas';

/** Variables of the app's routes: none until a guard sets them. */
export type AppEnv = { Variables: Record<never, never> };

/** Routes behind requireUser: the user and their token are always there. */
export type AuthedEnv = { Variables: { user: User; token: string } };
