import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Enterprise, Signup, SignupDraft, Visit } from '../../src/shared/schemas';

type Entity = 'enterprise' | 'visit' | 'signup';

/** What a phone holds after a day of offline capture; drafts never enter the outbox. */
export type CapturedRecords = {
  enterprises?: Enterprise[];
  visits?: Visit[];
  signups?: Signup[];
  drafts?: SignupDraft[];
};

/**
 * A backup file (the app's own export format) holding records and, for each but drafts, a
 * pending outbox row. Importing it through the settings screen fills a device in seconds where
 * typing would take an hour.
 */
export async function backupFile(records: CapturedRecords): Promise<string> {
  const outbox = (entity: Entity, list: { id: string }[] = []) =>
    list.map((data) => ({
      // Unique on the server: phones of several tests share one (a seeded id would repeat).
      mutationId: randomUUID(),
      entity,
      entityId: data.id,
      op: 'put',
      data,
      createdAt: '2026-11-22T08:00:00+07:00',
      state: 'pending',
      attempts: 0,
    }));
  const backup = {
    format: 'sotay-backup',
    version: 1,
    exportedAt: new Date().toISOString(),
    tables: {
      enterprises: records.enterprises ?? [],
      visits: records.visits ?? [],
      signups: [...(records.signups ?? []), ...(records.drafts ?? [])],
      outbox: [
        ...outbox('enterprise', records.enterprises),
        ...outbox('visit', records.visits),
        ...outbox('signup', records.signups),
      ],
    },
  };
  const file = join(tmpdir(), `sotay-backup-${randomUUID()}.json`);
  await writeFile(file, JSON.stringify(backup));
  return file;
}

/** Imports a backup file through the settings screen and waits for its report. */
export async function importBackup(page: Page, base: string, file: string): Promise<void> {
  await page.goto(`${base}/settings`);
  await page.getByLabel('Nhập tệp sao lưu').setInputFiles(file);
  await page.getByTestId('backup-message').waitFor({ timeout: 60_000 });
}

/** Everything the user may see, through the real pull API. */
export async function pullAll(base: string, token: string) {
  const changes: {
    entity: string;
    entityId: string;
    version: number;
    data: Record<string, unknown>;
  }[] = [];
  let cursor = '';
  for (;;) {
    const response = await fetch(
      `${base}/api/sync/pull?limit=1000&cursor=${encodeURIComponent(cursor)}`,
      {
        headers: { authorization: `Bearer ${token}` },
      },
    );
    const body = (await response.json()) as {
      changes: typeof changes;
      cursor: string;
      hasMore: boolean;
    };
    changes.push(...body.changes);
    cursor = body.cursor;
    if (!body.hasMore) return changes;
  }
}
