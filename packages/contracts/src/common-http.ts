import { z } from 'zod';

/** Page through lists: 1-based `page`, `pageSize` capped at 200 (no unbounded responses). */
export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const paged = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int().min(0),
    page: z.number().int().min(1),
    pageSize: z.number().int().min(1),
  });

export const IdParams = z.object({ id: z.uuid('无效的编号') });

/** Optimistic concurrency: writes carry the version they read; a stale one answers 409 STALE_VERSION. */
export const Version = z.number().int().min(1);

/** A calendar date, `YYYY-MM-DD`. */
export const DateOnly = z.iso.date('日期格式应为 YYYY-MM-DD');

export const Year = z.coerce.number().int().min(2000, '年份超出范围').max(2100, '年份超出范围');

/** Query booleans arrive as strings. */
export const QueryBoolean = z.enum(['true', 'false']).transform((v) => v === 'true');
