import { queryOptions } from '@tanstack/react-query';
import { orgRoutes, targetRoutes } from '@zeren/contracts';
import { callApi, type CallOptions } from '@/lib/api-client';
import { supervisionKeys } from './keys';

/** The active posts of a unit, for choosing the responsible post (责任岗位) of a finding. */
export const unitPostsQueryOptions = (unitId: string) =>
  queryOptions({
    queryKey: supervisionKeys.posts(unitId),
    queryFn: ({ signal }: { signal?: CallOptions['signal'] }) =>
      callApi(orgRoutes.listPosts, { query: { unitId } }, { signal }),
    select: (data) =>
      data.items.filter((p) => !p.isArchived).sort((a, b) => a.tier - b.tier || a.code.localeCompare(b.code)),
  });

/** The targets of a post this year, for the optional target of a finding. */
export const postTargetsQueryOptions = (postId: string, year: number) =>
  queryOptions({
    queryKey: [...supervisionKeys.targets(postId), year],
    queryFn: ({ signal }: { signal?: CallOptions['signal'] }) =>
      callApi(targetRoutes.listTargets, { query: { ownerPostId: postId, year, pageSize: 200 } }, { signal }),
    select: (data) => data.items,
  });
