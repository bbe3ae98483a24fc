import { t } from '../../../shared/i18n';
import type { Signup } from '../../../shared/schemas';
import { RecordState, useUnsent } from '../../components/RecordState';
import { countryOptions } from '../../countries';
import { fieldName } from '../../field-labels';
import { formatDay, formatPhone, telHref } from '../../format';
import { enumLabel } from '../../labels';
import { onLinkClick } from '../../router';

function Fact({ label, children }: { label: string; children: preact.ComponentChildren }) {
  if (children === undefined || children === '') return null;
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** A submitted application: read only (the server holds it now), with where it stands. */
export function SignupView({ signup, enterpriseName }: { signup: Signup; enterpriseName: string }) {
  const unsent = useUnsent();
  const nationality = countryOptions().find((c) => c.value === signup.nationality)?.label;
  return (
    <section class="page">
      <h1>{signup.fullName}</h1>
      <p class="muted">{t('signup.readOnly')}</p>
      <p>
        <RecordState unsent={unsent} entity="signup" id={signup.id} status={signup.status} />
      </p>
      <div class="form-actions">
        <a class="button" href={`/enterprises/${signup.enterpriseId}`} onClick={onLinkClick}>
          {enterpriseName || t('signup.openEnterprise')}
        </a>
      </div>
      <section class="card" aria-labelledby="signup-facts">
        <h2 id="signup-facts">{t('signup.title')}</h2>
        <dl class="facts" data-testid="signup-facts">
          <Fact label={fieldName('enterpriseId')}>{enterpriseName}</Fact>
          <Fact label={fieldName('status')}>{enumLabel('signup_status', signup.status)}</Fact>
          <Fact label={fieldName('dateOfBirth')}>{formatDay(signup.dateOfBirth)}</Fact>
          <Fact label={fieldName('gender')}>{enumLabel('gender', signup.gender)}</Fact>
          <Fact label={fieldName('nationality')}>{nationality ?? signup.nationality}</Fact>
          <Fact label={fieldName('idNumber')}>{signup.idNumber}</Fact>
          <Fact label={fieldName('phone')}>
            {signup.phone && (
              <a class="tel-link" href={telHref(signup.phone)}>
                {formatPhone(signup.phone)}
              </a>
            )}
          </Fact>
          <Fact label={fieldName('ethnicity')}>{signup.ethnicity}</Fact>
          <Fact label={fieldName('religion')}>{signup.religion}</Fact>
          <Fact label={fieldName('education')}>{signup.education}</Fact>
          <Fact label={fieldName('occupation')}>{signup.occupation}</Fact>
          <Fact label={fieldName('startedWorkingAt')}>
            {signup.startedWorkingAt && formatDay(signup.startedWorkingAt)}
          </Fact>
          <Fact label={fieldName('contractType')}>
            {enumLabel('contract_type', signup.contractType)}
          </Fact>
          <Fact label={fieldName('signedAt')}>{formatDay(signup.signedAt)}</Fact>
          <Fact label={fieldName('submittedAt')}>
            {signup.submittedAt && formatDay(signup.submittedAt)}
          </Fact>
        </dl>
      </section>
    </section>
  );
}
