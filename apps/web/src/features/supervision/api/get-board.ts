import { queryOptions } from '@tanstack/react-query';
import { supervisionRoutes } from '@zeren/contracts';
import { callApi, type CallOptions } from '@/lib/api-client';
import { supervisionKeys } from './keys';

export const getBoard = (options?: CallOptions) =>
  callApi(supervisionRoutes.getSupervisionBoard, {}, options);

export const boardQueryOptions = () =>
  queryOptions({ queryKey: supervisionKeys.board(), queryFn: ({ signal }) => getBoard({ signal }) });
