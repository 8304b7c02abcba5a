import { queryOptions } from '@tanstack/react-query';
import { registrationFormRoutes } from '@zeren/contracts';
import { callApi, type CallOptions } from '@/lib/api-client';
import { evaluationKeys } from './keys';

export const getRegistrationForm = (cycleId: string, personId: string, options?: CallOptions) =>
  callApi(registrationFormRoutes.getRegistrationForm, { params: { id: cycleId, personId } }, options);

/** 考核登记表: lives under the result sheet's key, so whatever refreshes results refreshes it. */
export const registrationFormQueryOptions = (cycleId: string, personId: string) =>
  queryOptions({
    queryKey: [...evaluationKeys.resultSheet(cycleId, personId), 'registration-form'] as const,
    queryFn: ({ signal }) => getRegistrationForm(cycleId, personId, { signal }),
  });
