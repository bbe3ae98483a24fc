/** The HTTP contract of docs/design.md §5, shared by the server, the sync engine and the app. */
export * from './auth';
export * from './errors';
export * from './health';
export * from './limits';
export * from './people';
export * from './push-pull';
export * from './reports';
export * from './validate';
