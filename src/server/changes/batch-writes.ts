import type { QueryOptions, Row, Sql } from '../store/types';
import { type RecordWrite, recordKeyOf, writeRecord, writeRecords } from './records';

/**
 * How a push transaction writes its records (apply.ts). `tx` is the transaction to send every
 * other statement through; `flush` sends what still waits; `take` hands it over unsent, for the
 * caller to send it with its last statement.
 */
export type BatchWrites = {
  readonly tx: Sql;
  write(record: RecordWrite): Promise<void>;
  flush(): Promise<void>;
  take(): RecordWrite[];
};

/**
 * Each write is a statement of its own, sent at once: the savepoint pass, where a write the
 * database refuses must fail its own mutation and no other.
 */
export function writesAtOnce(tx: Sql): BatchWrites {
  return {
    tx,
    write: (record) => writeRecord(tx, record),
    flush: () => Promise.resolve(),
    take: () => [],
  };
}

/**
 * Writes wait, and are sent together in one statement just before the transaction's next
 * statement, whatever it is, or at `flush`: every statement sees every write made before it,
 * as it would had each been sent at once, while a batch of visits costs one write, not one per
 * visit. Each record takes its change seq in the order of its last write, as it would have too
 * (a record written twice keeps only its second seq). The optimistic pass: should the statement
 * fail, the whole transaction is rolled back and applied again with writesAtOnce.
 */
export function writesBehind(tx: Sql): BatchWrites {
  const waiting = new Map<string, RecordWrite>();
  const take = () => {
    const records = [...waiting.values()];
    waiting.clear();
    return records;
  };
  const flush = () => writeRecords(tx, take());
  const after: Sql = {
    async query<R extends Row = Row>(
      text: string,
      params?: readonly unknown[],
      options?: QueryOptions,
    ) {
      await flush();
      return tx.query<R>(text, params, options);
    },
    async exec(script: string) {
      await flush();
      return tx.exec(script);
    },
  };
  return {
    tx: after,
    write(record) {
      const key = recordKeyOf(record);
      // Moved to the end: its seq comes after those of the records written since its last write.
      waiting.delete(key);
      waiting.set(key, record);
      return Promise.resolve();
    },
    flush,
    take,
  };
}
