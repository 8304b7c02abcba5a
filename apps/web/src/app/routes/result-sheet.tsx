import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useMe } from '@/features/auth/api/get-me';
import { ResultSheetPage } from '@/features/evaluations/components/sheet/result-sheet';

/**
 * A result sheet, reached from a cycle's results (`/evaluations/cycles/:cycleId/results/:personId`,
 * tier 1 and admin) or from 我的考评结果 (`/my/results/:cycleId`, always one's own).
 */
export function ResultSheetRoute() {
  const { t } = useTranslation();
  const me = useMe();
  const { cycleId = '', personId } = useParams();
  const isMine = personId === undefined;
  const trail = isMine
    ? [{ path: '/my/results', label: t('nav.myResults') }]
    : [
        { path: '/evaluations/cycles', label: t('nav.evaluationCycles') },
        { path: `/evaluations/cycles/${cycleId}/results`, label: t('evaluations.results.title') },
      ];
  return (
    <ResultSheetPage
      key={`${cycleId}:${personId ?? 'me'}`}
      cycleId={cycleId}
      personId={personId ?? me.person.id}
      organisationName={me.organisation.name}
      trail={trail}
    />
  );
}
