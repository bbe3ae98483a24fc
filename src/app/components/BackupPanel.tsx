import { useState } from 'preact/hooks';
import { exportAll, importAll } from '../../db';
import {
  checkBackupPassphrase,
  decryptBackup,
  encryptBackup,
  isCryptoError,
  isEncryptedBackup,
} from '../../shared/crypto';
import { t } from '../../shared/i18n';
import { appDb } from '../db';
import { FormProblems } from '../forms/FormFooter';
import { issuesFor, NewSecretFields, TextField } from '../forms/fields';
import { useSaveForm } from '../forms/useSaveForm';
import { today } from '../ids';
import { useUnlocked } from '../lock';
import { addLockMessages } from '../pages/lock/messages';
import { UnlockPanel } from '../screens';

addLockMessages();

/** Where the export starts: the sign-out panel sends the user here before a risky sign-out. */
export const BACKUP_PASSPHRASE_ID = 'backup-passphrase';

/**
 * Saves everything on the device to a file encrypted with `passphrase` (src/shared/crypto,
 * "Backup file"). The name carries only the date: no user, unit or worker.
 */
export async function downloadBackup(passphrase: string): Promise<void> {
  const backup = await exportAll(appDb());
  const text = await encryptBackup(passphrase, backup);
  const blob = new Blob([text], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `so-tay-sao-luu-${today()}.json`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A backup file's content: decrypted with the passphrase, or an older file in clear. */
async function readBackup(text: string, passphrase: string): Promise<unknown> {
  if (isEncryptedBackup(text)) return decryptBackup(passphrase, text);
  return JSON.parse(text) as unknown;
}

export function BackupPanel() {
  const unlocked = useUnlocked();
  const [message, setMessage] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const { form, issues, setIssues, failure, submit, busy: exporting } = useSaveForm();
  const [importing, setImporting] = useState(false);
  // One file operation at a time: an export and an import each disable both buttons.
  const busy = exporting || importing;
  const [pending, setPending] = useState<string | undefined>();
  const [importPassphrase, setImportPassphrase] = useState('');

  const exportFile = (event: Event) => {
    event.preventDefault();
    void submit({
      validate: () => {
        const found = checkBackupPassphrase(passphrase, again);
        return { value: found.length === 0 ? passphrase : undefined, issues: found };
      },
      save: (chosen: string) => downloadBackup(chosen),
      done: () => {
        // The panel stays on screen: a refusal's issues go with the fields it emptied.
        setIssues([]);
        setPassphrase('');
        setAgain('');
        setMessage(t('backup.exported'));
      },
    });
  };

  const importText = async (text: string, typed: string) => {
    setImporting(true);
    try {
      const result = await importAll(appDb(), await readBackup(text, typed));
      setPending(undefined);
      setImportPassphrase('');
      setMessage(t('backup.imported', { added: result.added, skipped: result.skipped }));
    } catch (error) {
      // A wrong passphrase changes nothing: decryption is all or nothing, before any write.
      setMessage(
        isCryptoError(error) && error.code === 'backup_wrong_passphrase'
          ? t('crypto.backup_wrong_passphrase')
          : t('backup.invalid'),
      );
    } finally {
      setImporting(false);
    }
  };

  const onFile = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const text = await file.text();
    setMessage('');
    if (isEncryptedBackup(text)) setPending(text);
    else await importText(text, '');
  };

  return (
    <section class="card" aria-labelledby="backup-title">
      <h2 id="backup-title">{t('backup.title')}</h2>
      <p class="muted">{t('backup.hint')}</p>
      {unlocked ? (
        <form ref={form} onSubmit={exportFile} noValidate>
          <NewSecretFields
            entries={[
              {
                id: BACKUP_PASSPHRASE_ID,
                label: t('backup.passphrase'),
                value: passphrase,
                onValue: setPassphrase,
                issues: issuesFor(issues, 'passphrase'),
              },
              {
                id: 'backup-passphrase-again',
                label: t('backup.passphraseAgain'),
                value: again,
                onValue: setAgain,
                issues: issuesFor(issues, 'passphraseConfirmation'),
              },
            ]}
          />
          <FormProblems hasErrors={false} failure={failure} />
          <div class="form-actions">
            <button type="submit" class="button" disabled={busy}>
              {t('backup.exportButton')}
            </button>
          </div>
        </form>
      ) : (
        <>
          <p class="muted">{t('backup.lockedExport')}</p>
          <UnlockPanel />
        </>
      )}
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
      {pending !== undefined && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void importText(pending, importPassphrase);
          }}
          noValidate
        >
          <TextField
            id="backup-import-passphrase"
            type="password"
            autoComplete="off"
            label={t('backup.importPassphrase')}
            value={importPassphrase}
            onValue={setImportPassphrase}
            required
          />
          <div class="form-actions">
            <button type="submit" class="button primary" disabled={busy}>
              {t('backup.importButton')}
            </button>
          </div>
        </form>
      )}
      {message && (
        <p role="status" data-testid="backup-message">
          {message}
        </p>
      )}
    </section>
  );
}
