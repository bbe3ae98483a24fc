import { useState } from 'preact/hooks';
import { exportAll, importAll } from '../../db';
import { t } from '../../shared/i18n';
import { appDb } from '../db';
import { today } from '../ids';

/** Saves everything on the device to a file, and reads such a file back (idempotently). */
export async function downloadBackup(): Promise<void> {
  const backup = await exportAll(appDb());
  const blob = new Blob([JSON.stringify(backup)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `sotay-sao-luu-${today()}.json`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function BackupPanel() {
  const [message, setMessage] = useState('');
  const onFile = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    try {
      const result = await importAll(appDb(), JSON.parse(await file.text()) as unknown);
      setMessage(t('backup.imported', { added: result.added, skipped: result.skipped }));
    } catch {
      setMessage(t('backup.invalid'));
    }
    input.value = '';
  };
  return (
    <section class="card" aria-labelledby="backup-title">
      <h2 id="backup-title">{t('backup.title')}</h2>
      <p class="muted">{t('backup.hint')}</p>
      <div class="form-actions">
        <button type="button" class="button" onClick={() => void downloadBackup()}>
          {t('backup.export')}
        </button>
      </div>
      <div class="form-actions file-picker">
        {/* The browser's own picker says "Choose File" in its own language; this button says
            what it does in the app's. The input stays focusable (its focus ring is the label's). */}
        <input
          id="backup-file"
          class="file-input"
          type="file"
          accept="application/json,.json"
          onChange={onFile}
        />
        <label for="backup-file" class="button">
          {t('backup.import')}
        </label>
      </div>
      {message && (
        <p role="status" data-testid="backup-message">
          {message}
        </p>
      )}
    </section>
  );
}
