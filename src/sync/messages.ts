/** Background Sync tag and the message the page posts to ask the worker to drain. */
export const DRAIN_TAG = 'sotay-drain';
export const DRAIN_MESSAGE = 'SOTAY_DRAIN';
