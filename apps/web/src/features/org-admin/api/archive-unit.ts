import { useMutation, useQueryClient } from '@tanstack/react-query';
import { orgRoutes } from '@zeren/contracts';
import { callApi } from '@/lib/api-client';
import { orgKeys } from './keys';

export const archiveUnit = (id: string) => callApi(orgRoutes.archiveUnit, { params: { id } });

export function useArchiveUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: archiveUnit,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgKeys.units() }),
  });
}
