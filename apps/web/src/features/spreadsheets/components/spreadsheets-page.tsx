import { SPREADSHEET_MIME_TYPE, type ImportPreview, type SpreadsheetKind } from '@zeren/contracts';
import { App, Button, Card, Space, Upload } from 'antd';
import { lazy, Suspense, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/lib/api-client';
import { serverMessage } from '@/lib/errors';
import { useCommitImport } from '../api/commit-import';
import { useDownloadTemplate } from '../api/download-template';
import { useExportRoster } from '../api/export-roster';
import { usePreviewImport } from '../api/preview-import';
import type { ImportSession } from './import-session';
import { TargetExportCard } from './target-export-card';
import styles from './spreadsheets.module.css';

const kinds: readonly SpreadsheetKind[] = ['roster', 'targets'];

// The preview (tables, progress, result) loads once a file is chosen, not with the page
// (`on-demand`: the route budget, apps/web/tooling, does not count it in a first visit).
const loadSessionView = () => import(/* on-demand */ './import-session');
const ImportSessionView = lazy(() => loadSessionView().then((m) => ({ default: m.ImportSessionView })));
const preloadSessionView = () => void loadSessionView().catch(() => undefined);

const percentOf = ({ loaded, total }: { loaded: number; total: number }) =>
  total > 0 ? Math.min(100, Math.round((loaded / total) * 100)) : 0;

/** A refused import answers 422 with the preview in `details`: the file is shown with its problems. */
function previewOf(error: unknown): ImportPreview | null {
  if (!isApiError(error) || error.code !== 'UNPROCESSABLE_CONTENT') return null;
  const details = error.details as Partial<ImportPreview> | undefined;
  return details && Array.isArray(details.issues) && Array.isArray(details.summary)
    ? (details as ImportPreview)
    : null;
}

/**
 * 导入导出: the roster and the target book in and out of Excel, for administrators. An upload is
 * checked first (nothing written) and shown with every problem located by sheet, row and column;
 * only a file without errors can be imported, and the import writes all of it or nothing.
 */
export function SpreadsheetsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [session, setSession] = useState<ImportSession | null>(null);
  // A newer upload wins: answers of an older one are dropped.
  const attempt = useRef(0);
  const preview = usePreviewImport();
  const commit = useCommitImport();

  const start = (kind: SpreadsheetKind, picked: File) => {
    if (!picked.name.toLowerCase().endsWith('.xlsx')) {
      void message.error(t('spreadsheets.onlyXlsx'));
      return;
    }
    // Some systems give an .xlsx no type or a generic one; the extension has been checked.
    const file =
      picked.type === SPREADSHEET_MIME_TYPE
        ? picked
        : new File([picked], picked.name, { type: SPREADSHEET_MIME_TYPE });
    preloadSessionView();
    const id = ++attempt.current;
    const isCurrent = () => attempt.current === id;
    setSession({ phase: 'uploading', kind, file, percent: 0 });
    preview.mutate(
      {
        kind,
        file,
        onProgress: (progress) => {
          if (!isCurrent()) return;
          const percent = percentOf(progress);
          setSession({ phase: percent >= 100 ? 'validating' : 'uploading', kind, file, percent });
        },
      },
      {
        onSuccess: (result) => isCurrent() && setSession({ phase: 'preview', kind, file, preview: result }),
        onError: (error) =>
          isCurrent() &&
          setSession({
            phase: 'failed',
            kind,
            file,
            message: serverMessage(error) ?? t('errors.unexpected'),
          }),
      },
    );
  };

  const onCommit = () => {
    if (session?.phase !== 'preview') return;
    const { kind, file } = session;
    const id = ++attempt.current;
    const isCurrent = () => attempt.current === id;
    setSession({ ...session, phase: 'committing', percent: 0 });
    commit.mutate(
      {
        kind,
        file,
        onProgress: (progress) =>
          isCurrent() &&
          setSession((s) => (s?.phase === 'committing' ? { ...s, percent: percentOf(progress) } : s)),
      },
      {
        onSuccess: (result) => isCurrent() && setSession({ phase: 'done', kind, file, result }),
        onError: (error) => {
          if (!isCurrent()) return;
          const refused = previewOf(error);
          setSession(
            refused
              ? { phase: 'preview', kind, file, preview: refused, isFromCommit: true }
              : { phase: 'failed', kind, file, message: serverMessage(error) ?? t('errors.unexpected') },
          );
        },
      },
    );
  };

  const onReset = () => {
    attempt.current++;
    setSession(null);
  };

  const isBusy =
    session?.phase === 'uploading' || session?.phase === 'validating' || session?.phase === 'committing';

  return (
    <div className={styles.page}>
      <Card>
        <header className={styles.header}>
          <h1 className={styles.title}>{t('spreadsheets.title')}</h1>
          <p className={styles.intro}>{t('spreadsheets.intro')}</p>
        </header>
        <div className={styles.cards}>
          {kinds.map((kind) => (
            <ImportCard key={kind} kind={kind} isBusy={isBusy} onFile={(file) => start(kind, file)} />
          ))}
        </div>
        {session && (
          <Suspense fallback={null}>
            <ImportSessionView session={session} onCommit={onCommit} onReset={onReset} />
          </Suspense>
        )}
      </Card>
      <TargetExportCard />
    </div>
  );
}

function ImportCard({
  kind,
  isBusy,
  onFile,
}: {
  kind: SpreadsheetKind;
  isBusy: boolean;
  onFile: (file: File) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const template = useDownloadTemplate(kind, t(`spreadsheets.kinds.${kind}.templateFile`));
  const exportRoster = useExportRoster(t('spreadsheets.kinds.roster.exportFile'));
  const onError = (error: unknown) => void message.error(serverMessage(error) ?? t('errors.unexpected'));

  return (
    <section
      className={styles.kindCard}
      data-testid={`import-card-${kind}`}
      aria-labelledby={`import-${kind}`}
    >
      <h2 id={`import-${kind}`} className={styles.kindTitle}>
        {t(`spreadsheets.kinds.${kind}.title`)}
      </h2>
      <p className={styles.kindIntro}>{t(`spreadsheets.kinds.${kind}.intro`)}</p>
      <Space wrap className={styles.kindActions}>
        <Button
          onClick={() => template.mutate(undefined, { onError })}
          loading={template.isPending}
          data-testid={`template-${kind}`}
        >
          {t('spreadsheets.downloadTemplate')}
        </Button>
        {kind === 'roster' ? (
          <Button
            onClick={() => exportRoster.mutate(undefined, { onError })}
            loading={exportRoster.isPending}
            data-testid="export-roster"
          >
            {t('spreadsheets.exportCurrent')}
          </Button>
        ) : (
          <Button href="#target-export" data-testid="export-targets-link">
            {t('spreadsheets.exportCurrent')}
          </Button>
        )}
      </Space>
      <div
        className={styles.dropZone}
        data-testid={`upload-${kind}`}
        onPointerEnter={preloadSessionView}
        onFocus={preloadSessionView}
      >
        <Upload.Dragger
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          multiple={false}
          showUploadList={false}
          disabled={isBusy}
          beforeUpload={(file) => {
            onFile(file);
            return Upload.LIST_IGNORE;
          }}
        >
          <p className="ant-upload-drag-icon">
            <SpreadsheetIcon />
          </p>
          <p className="ant-upload-text">{t('spreadsheets.upload.text')}</p>
          <p className="ant-upload-hint">{t('spreadsheets.upload.hint')}</p>
        </Upload.Dragger>
      </div>
    </section>
  );
}

/** A spreadsheet with an arrow: the drop zone's picture (the app ships no icon font). */
function SpreadsheetIcon() {
  return (
    <svg
      width="48"
      height="48"
      viewBox="0 0 48 48"
      fill="none"
      aria-hidden="true"
      className={styles.dropIcon}
    >
      <rect x="8" y="6" width="28" height="36" rx="3" stroke="currentColor" strokeWidth="2.5" />
      <path d="M8 16h28M8 26h28M20 6v36" stroke="currentColor" strokeWidth="2" />
      <circle cx="36" cy="36" r="9" fill="#fff" stroke="currentColor" strokeWidth="2.5" />
      <path d="M36 41v-9m-4 4 4-4 4 4" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" />
    </svg>
  );
}
