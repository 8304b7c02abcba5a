import { queryOptions } from '@tanstack/react-query';
import { chainRoutes, type Line } from '@zeren/contracts';
import { callApi, type CallOptions } from '@/lib/api-client';
import { targetKeys } from './keys';

/**
 * The posts a target can be decomposed to: the owner's direct reports in the target's line, one
 * level of the chain below the owner (GET /api/chain with `rootPostId` and `depth: 1`).
 */
export const getSubordinatePosts = async (
  postId: string,
  line: Line,
  year: number,
  options?: CallOptions,
) => {
  const chain = await callApi(
    chainRoutes.getChain,
    { query: { line, year, rootPostId: postId, depth: 1 } },
    options,
  );
  return chain.nodes.filter((node) => node.superiorId === postId);
};

export const subordinatePostsQueryOptions = (postId: string, line: Line, year: number) =>
  queryOptions({
    queryKey: targetKeys.subordinatePosts(postId, line, year),
    queryFn: ({ signal }) => getSubordinatePosts(postId, line, year, { signal }),
    staleTime: 5 * 60_000,
  });
