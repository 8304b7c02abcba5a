import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { orgRoutes } from '@zeren/contracts';
import { callApi, type CallOptions } from '@/lib/api-client';
import { orgKeys, type PostListQuery } from './keys';

export const listPosts = (query: PostListQuery, options?: CallOptions) =>
  callApi(
    orgRoutes.listPosts,
    { query: { includeArchived: query.includeArchived ? 'true' : undefined } },
    options,
  );

/** Every post (a bureau has tens, not thousands): searched and filtered on the client. */
export const postsQueryOptions = (query: PostListQuery = {}) =>
  queryOptions({
    queryKey: orgKeys.postList(query),
    queryFn: ({ signal }) => listPosts(query, { signal }),
    select: (data) => data.items,
    placeholderData: keepPreviousData,
  });

export const usePosts = (query: PostListQuery = {}) => useQuery(postsQueryOptions(query));
