import { message, Modal } from 'antd';
import { createContext, use, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { serverMessage } from '@/lib/errors';

interface Feedback {
  /** A short notice that something worked. */
  success: (text: string) => void;
  /** Why something could not be done, in the server's words (e.g. what still holds a post), acknowledged with OK. */
  failure: (title: string, error: unknown) => void;
}

const FeedbackContext = createContext<Feedback | null>(null);

/** Notices and refusal dialogs for the org-admin pages, themed by the shell's ConfigProvider. */
export function FeedbackProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [messageApi, messageHolder] = message.useMessage();
  const [modal, modalHolder] = Modal.useModal();
  const value = useMemo<Feedback>(
    () => ({
      success: (text) => void messageApi.success(text),
      failure: (title, error) =>
        void modal.warning({
          title,
          content: serverMessage(error) ?? t('errors.unexpected'),
          okText: t('orgAdmin.common.understood'),
        }),
    }),
    [messageApi, modal, t],
  );
  return (
    <FeedbackContext value={value}>
      {messageHolder}
      {modalHolder}
      {children}
    </FeedbackContext>
  );
}

export function useFeedback(): Feedback {
  const feedback = use(FeedbackContext);
  if (!feedback) throw new Error('useFeedback outside FeedbackProvider');
  return feedback;
}
