import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useMe } from '@/features/auth/api/get-me';
import { RegistrationFormPage } from '@/features/evaluations/components/registration-form/registration-form';

/**
 * 考核登记表, reached from a result sheet: `/my/results/:cycleId/registration-form` (always one's
 * own, from 我的考评结果) or `/evaluations/cycles/:cycleId/results/:personId/registration-form`.
 */
export function RegistrationFormRoute() {
  const { t } = useTranslation();
  const me = useMe();
  const { cycleId = '', personId } = useParams();
  const isMine = personId === undefined;
  const trail = isMine
    ? [
        { path: '/my/results', label: t('nav.myResults') },
        { path: `/my/results/${cycleId}`, label: t('evaluations.sheet.title') },
      ]
    : [
        { path: '/evaluations/cycles', label: t('nav.evaluationCycles') },
        { path: `/evaluations/cycles/${cycleId}/results`, label: t('evaluations.results.title') },
        { path: `/evaluations/cycles/${cycleId}/results/${personId}`, label: t('evaluations.sheet.title') },
      ];
  return (
    <RegistrationFormPage
      key={`${cycleId}:${personId ?? 'me'}`}
      cycleId={cycleId}
      personId={personId ?? me.person.id}
      trail={trail}
    />
  );
}
