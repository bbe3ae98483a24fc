/**
 * Thresholds of the rules, in a module of their own: the first screen needs one of them (the
 * enterprise list's "large" filter) and must not carry the indicator functions with it.
 */

/** A CĐCS founded at an enterprise of at least this many workers counts in `new_cdcs_25`. */
export const CDCS_25_MIN_WORKERS = 25;
