import { useState } from 'preact/hooks';
import { setUpVault } from '../../../db';
import { checkPin } from '../../../shared/crypto/pin-policy';
import { t } from '../../../shared/i18n';
import { appDb } from '../../db';
import { FormProblems } from '../../forms/FormFooter';
import { issuesFor, NewSecretFields } from '../../forms/fields';
import { useSaveForm } from '../../forms/useSaveForm';
import { addLockMessages } from './messages';

addLockMessages();

/**
 * The PIN, asked right after the first sign-in (and after a wipe): nothing personal is stored
 * on the device before it exists. Setting it encrypts whatever an older version left in clear.
 */
export function PinSetupPage({ wiped }: { wiped: boolean }) {
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const { form, issues, failure, submit, busy } = useSaveForm();

  const onSubmit = (event: Event) => {
    event.preventDefault();
    void submit({
      validate: () => {
        const found = checkPin(pin, again);
        return { value: found.length === 0 ? pin : undefined, issues: found };
      },
      save: (chosen: string) => setUpVault(appDb(), chosen),
      done: () => undefined,
    });
  };

  return (
    <form class="page login" ref={form} onSubmit={onSubmit} noValidate>
      <h1>{t('lock.setupTitle')}</h1>
      <p role={wiped ? 'alert' : undefined}>
        {wiped ? t('lock.setupWiped') : t('lock.setupIntro')}
      </p>
      <NewSecretFields
        inputMode="numeric"
        entries={[
          {
            id: 'pin-new',
            label: t('lock.pin'),
            value: pin,
            onValue: setPin,
            issues: issuesFor(issues, 'pin'),
          },
          {
            id: 'pin-again',
            label: t('lock.pinAgain'),
            value: again,
            onValue: setAgain,
            issues: issuesFor(issues, 'pinConfirmation'),
          },
        ]}
      />
      <FormProblems hasErrors={false} failure={failure} />
      <button type="submit" class="button primary" disabled={busy}>
        {busy ? t('lock.working') : t('lock.setupButton')}
      </button>
    </form>
  );
}
