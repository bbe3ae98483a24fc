/** The HTTP contract of docs/design.md §5, shared by the server, the sync engine and the app. */
export * from './access-log';
export * from './auth';
export * from './directory';
export * from './errors';
export * from './health';
export * from './limits';
export * from './push-pull';
export * from './reports';
export * from './sealed';
export * from './validate';
