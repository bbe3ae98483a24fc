import type { Page } from 'playwright-core';

/**
 * Rows straight into the app's own IndexedDB, as a long-used phone would hold them (no outbox
 * rows: as if pulled from the server). In chunks, so no single call carries 60,000 rows.
 */
export async function fillAppDatabase(page: Page, tables: Record<string, object[]>): Promise<void> {
  for (const [table, rows] of Object.entries(tables)) {
    for (let i = 0; i < rows.length; i += 5000) {
      await page.evaluate(
        ([name, chunk]) =>
          new Promise<void>((resolve, reject) => {
            const open = indexedDB.open('sotay');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const tx = open.result.transaction(name, 'readwrite');
              for (const row of chunk) tx.objectStore(name).put(row);
              tx.oncomplete = () => {
                open.result.close();
                resolve();
              };
              tx.onerror = () => reject(tx.error);
            };
          }),
        [table, rows.slice(i, i + 5000)] as const,
      );
    }
  }
}
