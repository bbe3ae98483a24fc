import { LANGUAGES, type Lang, t } from '../../shared/i18n';
import { AccountPanel } from '../components/AccountPanel';
import { BackupPanel } from '../components/BackupPanel';
import { SecurityPanel } from '../components/SecurityPanel';
import { StoragePanel } from '../components/StoragePanel';

export function SettingsPage({ lang, onLang }: { lang: Lang; onLang: (lang: Lang) => void }) {
  return (
    <section class="page">
      <h1>{t('page.settings')}</h1>
      <section class="card" aria-labelledby="lang-title">
        <h2 id="lang-title">{t('lang.label')}</h2>
        <div class="segmented" role="radiogroup" aria-labelledby="lang-title">
          {LANGUAGES.map((code) => (
            <label key={code} class="segment">
              <input
                type="radio"
                name="lang"
                value={code}
                checked={lang === code}
                onChange={() => onLang(code)}
              />
              <span>{t(`lang.${code}`)}</span>
            </label>
          ))}
        </div>
      </section>
      <SecurityPanel />
      <AccountPanel />
      <StoragePanel />
      <BackupPanel />
    </section>
  );
}
