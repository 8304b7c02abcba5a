/** Query keys of the org-admin feature; invalidate through these, never through literal arrays. */
export interface PeopleListQuery {
  q?: string;
  unitId?: string;
  includeArchived?: boolean;
  page: number;
  pageSize: number;
}

export interface PostListQuery {
  includeArchived?: boolean;
}

export const orgKeys = {
  all: ['org'] as const,
  units: () => [...orgKeys.all, 'units'] as const,
  people: () => [...orgKeys.all, 'people'] as const,
  peopleList: (query: PeopleListQuery) => [...orgKeys.people(), query] as const,
  posts: () => [...orgKeys.all, 'posts'] as const,
  postList: (query: PostListQuery) => [...orgKeys.posts(), query] as const,
};
