import { z } from 'zod';
import { DateOnly, PageQuery, paged } from './common-http';
import { Id, Line, Tier, UnitKind } from './common';

const Name = z.string().trim().min(1, '名称不能为空').max(100, '名称不能超过 100 个字');

export const OrgUnit = z
  .object({
    id: Id,
    name: z.string(),
    kind: UnitKind,
    parentId: Id.nullable(),
    sortOrder: z.number().int(),
    isArchived: z.boolean(),
    postCount: z.number().int(),
  })
  .meta({ id: 'OrgUnit' });
export type OrgUnit = z.infer<typeof OrgUnit>;

export const CreateOrgUnit = z
  .object({
    name: Name,
    kind: UnitKind,
    parentId: Id.nullable().optional(),
    sortOrder: z.number().int().optional(),
  })
  .strict()
  .meta({ id: 'CreateOrgUnit' });
export const UpdateOrgUnit = CreateOrgUnit.partial().strict().meta({ id: 'UpdateOrgUnit' });

export const PersonPostRef = z.object({
  postId: Id,
  title: z.string(),
  tier: Tier,
  unitName: z.string(),
  isPrimary: z.boolean(),
});

export const Person = z
  .object({
    id: Id,
    employeeNo: z.string(),
    name: z.string(),
    gender: z.string().nullable(),
    isPartyMember: z.boolean(),
    isArchived: z.boolean(),
    username: z.string().nullable(),
    posts: z.array(PersonPostRef),
  })
  .meta({ id: 'Person' });
export type Person = z.infer<typeof Person>;

export const CreatePerson = z
  .object({
    employeeNo: z.string().trim().min(1, '工号不能为空').max(32, '工号不能超过 32 个字符'),
    name: z.string().trim().min(1, '姓名不能为空').max(50, '姓名不能超过 50 个字'),
    gender: z.enum(['男', '女']).nullable().optional(),
    isPartyMember: z.boolean().optional(),
  })
  .strict()
  .meta({ id: 'CreatePerson' });
export const UpdatePerson = CreatePerson.partial().strict().meta({ id: 'UpdatePerson' });

export const PeopleQuery = PageQuery.extend({
  q: z.string().trim().max(50).optional(),
  unitId: Id.optional(),
  includeArchived: z.enum(['true', 'false']).optional(),
});

export const PostHolder = z.object({ holdingId: Id, personId: Id, name: z.string(), isPrimary: z.boolean() });

export const Post = z
  .object({
    id: Id,
    code: z.string(),
    title: z.string(),
    tier: Tier,
    unit: z.object({ id: Id, name: z.string(), kind: UnitKind }),
    lines: z.array(Line),
    adminSuperiorId: Id.nullable(),
    partySuperiorId: Id.nullable(),
    holders: z.array(PostHolder),
    isArchived: z.boolean(),
  })
  .meta({ id: 'Post' });
export type Post = z.infer<typeof Post>;

const PostFields = z.object({
  code: z
    .string()
    .trim()
    .min(1, '岗位编码不能为空')
    .max(32, '岗位编码不能超过 32 个字符')
    .regex(/^[A-Za-z0-9_-]+$/, '岗位编码只能包含字母、数字、- 和 _'),
  title: Name,
  tier: z.number().int().min(1, '责任层级应为 1–4').max(4, '责任层级应为 1–4'),
  unitId: Id,
  lines: z.array(Line).min(1, '至少属于一条主线').max(2),
  adminSuperiorId: Id.nullable().optional(),
  partySuperiorId: Id.nullable().optional(),
});
export const CreatePost = PostFields.strict().meta({ id: 'CreatePost' });
export const UpdatePost = PostFields.partial().strict().meta({ id: 'UpdatePost' });

export const CreateHolding = z
  .object({ personId: Id, postId: Id, isPrimary: z.boolean().optional(), startedOn: DateOnly.optional() })
  .strict()
  .meta({ id: 'CreateHolding' });
export const Holding = z
  .object({
    id: Id,
    personId: Id,
    postId: Id,
    isPrimary: z.boolean(),
    startedOn: z.string(),
    endedOn: z.string().nullable(),
  })
  .meta({ id: 'Holding' });

export const PeoplePage = paged(Person).meta({ id: 'PeoplePage' });
export const OrgUnitList = z.object({ items: z.array(OrgUnit) }).meta({ id: 'OrgUnitList' });
export const PostList = z.object({ items: z.array(Post) }).meta({ id: 'PostList' });
export const PostsQuery = z.object({
  unitId: Id.optional(),
  tier: z.coerce.number().int().min(1).max(4).optional(),
  includeArchived: z.enum(['true', 'false']).optional(),
});

/** Archiving keeps history; `version` is not needed for these admin records. */
export const ArchiveResult = z.object({ id: Id, isArchived: z.literal(true) }).meta({ id: 'ArchiveResult' });
