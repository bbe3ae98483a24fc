import type { QueryOptions, Row, Sql, Store } from '../../src/server/store/types';

/** Decides, before each statement is sent, whether it fails instead (an Error) or runs. */
export type Fault = (text: string) => Error | undefined;

/**
 * `store` with every statement it is sent, in transactions or not, written to `sent`, and failed
 * without reaching the database when `fault` says so.
 */
export function watched(store: Store, sent: string[], fault: Fault = () => undefined): Store {
  const watch = (sql: Sql): Sql => ({
    query<R extends Row = Row>(text: string, params?: readonly unknown[], options?: QueryOptions) {
      sent.push(text);
      const error = fault(text);
      return error ? Promise.reject(error) : sql.query<R>(text, params, options);
    },
    exec(script: string) {
      sent.push(script);
      return sql.exec(script);
    },
  });
  return {
    ...watch(store),
    kind: store.kind,
    transaction: (work) => store.transaction((tx) => work(watch(tx))),
    flush: () => store.flush(),
    close: () => store.close(),
  };
}
