import { t } from '../../shared/i18n';

/**
 * The end of every record form: why it was not saved (fields to fix, or the device's storage
 * failing), then save and cancel.
 */
export function FormFooter(props: { hasErrors: boolean; failure: string }) {
  return (
    <>
      {props.hasErrors && (
        <p class="form-error" role="alert">
          {t('form.fixErrors')}
        </p>
      )}
      {props.failure && (
        <p class="form-error" role="alert">
          {props.failure}
        </p>
      )}
      <div class="form-actions">
        <button type="submit" class="button primary">
          {t('common.save')}
        </button>
        <button type="button" class="button" onClick={() => history.back()}>
          {t('common.cancel')}
        </button>
      </div>
    </>
  );
}
