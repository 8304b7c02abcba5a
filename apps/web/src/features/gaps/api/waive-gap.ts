import { useMutation, useQueryClient } from '@tanstack/react-query';
import { targetRoutes, type WaiveGap } from '@zeren/contracts';
import type { z } from 'zod';
import { callApi } from '@/lib/api-client';
import { gapKeys } from './keys';

export const waiveGap = (body: z.infer<typeof WaiveGap>) => callApi(targetRoutes.waiveGap, { body });

export function useWaiveGap() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: waiveGap,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: gapKeys.all }),
  });
}
