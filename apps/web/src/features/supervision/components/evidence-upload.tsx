import { App, Button, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { serverMessage } from '@/lib/errors';
import { uploadEvidence } from '../api/evidence';
import styles from './supervision.module.css';

/** A photo or file for an item or a report, through the shared evidence upload. */
export function EvidenceUpload({
  value,
  onChange,
}: {
  value: { id: string; filename: string } | null;
  onChange: (v: { id: string; filename: string } | null) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [isUploading, setUploading] = useState(false);
  if (value)
    return (
      <div className={styles.muted}>
        {t('supervision.evidence.attached', { name: value.filename })}{' '}
        <Button type="link" size="small" onClick={() => onChange(null)}>
          {t('supervision.evidence.remove')}
        </Button>
      </div>
    );
  return (
    <Upload
      accept="image/png,image/jpeg,application/pdf"
      showUploadList={false}
      customRequest={() => undefined}
      beforeUpload={(file) => {
        setUploading(true);
        uploadEvidence(file)
          .then((uploaded) => onChange({ id: uploaded.id, filename: uploaded.filename }))
          .catch(
            (error: unknown) => void message.error(serverMessage(error) ?? t('supervision.evidence.failed')),
          )
          .finally(() => setUploading(false));
        return false;
      }}
    >
      <Button size="small" loading={isUploading}>
        {t('supervision.evidence.upload')}
      </Button>
    </Upload>
  );
}
