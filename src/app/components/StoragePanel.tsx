import { useEffect, useState } from 'preact/hooks';
import { getLanguage, t } from '../../shared/i18n';
import { formatBytes, readStorageStatus, requestPersistence, type StorageStatus } from '../storage';

export function StoragePanel() {
  const [status, setStatus] = useState<StorageStatus | undefined>();
  const refresh = () => {
    readStorageStatus().then(setStatus, () => setStatus({ supported: false, persisted: false }));
  };
  useEffect(refresh, []);
  const locale = getLanguage() === 'vi' ? 'vi-VN' : 'en-GB';

  const ask = async () => {
    await requestPersistence().catch(() => false);
    refresh();
  };

  return (
    <section class="card" aria-labelledby="storage-title" data-testid="storage-panel">
      <h2 id="storage-title">{t('storage.title')}</h2>
      {!status ? (
        <p>{t('common.loading')}</p>
      ) : !status.supported ? (
        <p>{t('storage.unsupported')}</p>
      ) : (
        <>
          <p data-testid="storage-persisted" data-persisted={String(status.persisted)}>
            {status.persisted ? t('storage.persisted') : t('storage.notPersisted')}
          </p>
          {status.usage !== undefined && status.quota !== undefined && (
            <p data-testid="storage-usage">
              {t('storage.usage', {
                used: formatBytes(status.usage, locale),
                quota: formatBytes(status.quota, locale),
              })}
            </p>
          )}
          {!status.persisted && (
            <button type="button" class="button" onClick={ask}>
              {t('storage.request')}
            </button>
          )}
        </>
      )}
    </section>
  );
}
