/** The one interface every storage adapter implements: plain SQL with `$1` parameters. */
export type Row = Record<string, unknown>;

export type QueryResult<R extends Row = Row> = { rows: R[]; rowCount: number };

/**
 * How a statement is sent. `name`: a statement sent often with the same text, parsed and planned
 * once per connection under this name (PostgreSQL; PGlite plans it each time). Only for one whose
 * best plan does not depend on its parameters: PostgreSQL may keep one generic plan for them all.
 */
export type QueryOptions = { name?: string };

export interface Sql {
  query<R extends Row = Row>(
    text: string,
    params?: readonly unknown[],
    options?: QueryOptions,
  ): Promise<QueryResult<R>>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(script: string): Promise<void>;
}

export type StoreKind = 'pglite' | 'postgres';

export interface Store extends Sql {
  readonly kind: StoreKind;
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T>;
  /** Makes every committed write durable before the caller acknowledges it (PGlite: syncToFs). */
  flush(): Promise<void>;
  close(): Promise<void>;
}

/** A start-up failure with one line that tells the operator what to fix. */
export class StartupError extends Error {
  override readonly name = 'StartupError';
}

/** A statement to send later, maybe with others (sendTogether, store/together.ts). */
export type Statement = { text: string; params: unknown[] };
