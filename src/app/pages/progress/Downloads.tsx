import { useState } from 'preact/hooks';
import { t } from '../../../shared/i18n';
import { useOnline } from '../../hooks/useOnline';

export type DownloadFile = { id: string; label: string; fetch: () => Promise<void> };

type State = { busy?: string; done?: string; error?: string };

/**
 * Buttons that fetch files from the server (online only; offline they say why they are missing),
 * with what happened in words: one message at a time, read aloud.
 */
export function Downloads({
  files,
  children,
}: {
  files: readonly DownloadFile[];
  children?: preact.ComponentChildren;
}) {
  const online = useOnline();
  const [state, setState] = useState<State>({});
  const run = async (file: DownloadFile) => {
    setState({ busy: file.id });
    try {
      await file.fetch();
      setState({ done: t('progress.download.done', { file: file.label }) });
    } catch (error) {
      setState({ error: error instanceof Error ? error.message : String(error) });
    }
  };
  if (!online)
    return (
      <p class="muted" data-testid="downloads-offline">
        {t('progress.download.offline')}
      </p>
    );
  return (
    <>
      <div class="form-actions">
        {children}
        {files.map((file) => (
          <button
            key={file.id}
            type="button"
            class="button"
            disabled={state.busy !== undefined}
            aria-busy={state.busy === file.id ? 'true' : undefined}
            onClick={() => void run(file)}
            data-testid={`download-${file.id}`}
          >
            {file.label}
          </button>
        ))}
      </div>
      <p role="status" class="muted">
        {state.busy !== undefined ? t('progress.download.busy') : state.done}
      </p>
      {state.error !== undefined && (
        <p role="alert" class="form-error">
          {state.error}
        </p>
      )}
    </>
  );
}
