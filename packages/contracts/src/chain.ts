import { z } from 'zod';
import { Year } from './common-http';
import { Id, Line, Tier, UnitKind } from './common';
import { CategoryProgress, PostRef, TargetSummary } from './targets';

export const ChainQuery = z.object({
  line: Line.default('ADMINISTRATIVE'),
  year: Year.optional(),
  /** Start below this post; default: the top of what the user may see. */
  rootPostId: Id.optional(),
  /** Levels below the root to include (1 = the root's direct reports). */
  depth: z.coerce.number().int().min(1).max(4).default(4),
});

export const ChainNode = z
  .object({
    post: z.object({
      id: Id,
      code: z.string(),
      title: z.string(),
      tier: Tier,
      lines: z.array(Line),
      unit: z.object({ id: Id, name: z.string(), kind: UnitKind }),
    }),
    holders: z.array(z.object({ personId: Id, name: z.string() })),
    /** The superior in the requested line; null at the top. */
    superiorId: Id.nullable(),
    progress: CategoryProgress,
    targetCount: z.number().int(),
    /** Direct reports in this line (also those beyond `depth`, so the UI knows to offer "expand"). */
    subordinateCount: z.number().int(),
    openGapCount: z.number().int(),
    /** Supervision findings against this post not yet closed (督导整改), and how many are overdue. */
    openFindingCount: z.number().int(),
    overdueFindingCount: z.number().int(),
  })
  .meta({ id: 'ChainNode' });
export type ChainNode = z.infer<typeof ChainNode>;

export const Chain = z
  .object({ line: Line, year: z.number().int(), rootIds: z.array(Id), nodes: z.array(ChainNode) })
  .meta({ id: 'Chain', description: 'The chain as a flat list; build the tree from superiorId.' });
export type Chain = z.infer<typeof Chain>;

export const PersonProfile = z
  .object({
    person: z.object({ id: Id, name: z.string(), employeeNo: z.string(), isPartyMember: z.boolean() }),
    posts: z.array(
      z.object({
        post: PostRef,
        lines: z.array(Line),
        isPrimary: z.boolean(),
        adminSuperior: PostRef.nullable(),
        partySuperior: PostRef.nullable(),
        progress: CategoryProgress,
      }),
    ),
    targets: z.array(TargetSummary),
  })
  .meta({ id: 'PersonProfile' });
export type PersonProfile = z.infer<typeof PersonProfile>;

export const PersonProfileQuery = z.object({ year: Year.optional() });
