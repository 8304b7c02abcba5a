import { z } from 'zod';
import { DateOnly } from './common-http';
import { Id, TargetCategory, Tier } from './common';
import { ResultSheet, XLSX_MIME_TYPE } from './evaluations';
import { MeasureKind } from './targets';

/** 岗位目标完成情况: one target owned by one of the person's posts in the cycle's year. */
export const RegistrationTarget = z
  .object({
    id: Id,
    title: z.string(),
    category: TargetCategory,
    /** The target's weight (share of its parent), 0–100. */
    weight: z.number(),
    measureKind: MeasureKind,
    measureUnit: z.string().nullable(),
    goal: z.number(),
    /** Roll-up progress 0–100 as of `filledOn` (targets keep moving; the score used `completion`). */
    progress: z.number(),
    dueDate: DateOnly,
    postTitle: z.string(),
  })
  .meta({ id: 'RegistrationTarget' });
export type RegistrationTarget = z.infer<typeof RegistrationTarget>;

/**
 * 考核登记表: one person's registration form for one cycle — who they are, the targets they own,
 * how they were scored and graded, the reward or penalty, and (on paper) the boxes to sign.
 * Its scoring part is the result sheet itself (without individual evaluators' scores).
 */
export const RegistrationForm = z
  .object({
    organisationName: z.string(),
    /** 考核期间: the calendar quarter or year the cycle covers. */
    period: z.object({ start: DateOnly, end: DateOnly }),
    /** 填表日期: today in the bureau's time zone. */
    filledOn: DateOnly,
    person: z.object({
      personId: Id,
      name: z.string(),
      employeeNo: z.string(),
      gender: z.string().nullable(),
      /** 政治面貌: the model records party membership only; null means "not recorded" (filled by hand). */
      politicalStatus: z.string().nullable(),
      unit: z.object({ id: Id, name: z.string() }).nullable(),
      post: z.object({ id: Id, code: z.string(), title: z.string() }).nullable(),
      tier: Tier.nullable(),
      /** The person's other current posts (titles), e.g. a section chief who also leads a party group. */
      otherPosts: z.array(z.string()),
    }),
    targets: z.array(RegistrationTarget),
    /** The organisation's rules the figures were computed with (printed as notes). */
    rules: z.object({
      /** Share of a category score taken from target completion, 0–1. */
      targetShare: z.number(),
      bonusCap: z.number(),
      deductionCap: z.number(),
      /** 优秀 quota: share of the evaluees (0–1) and the resulting number of places. */
      excellentShare: z.number(),
      excellentPlaces: z.number().int(),
    }),
    sheet: ResultSheet,
  })
  .meta({ id: 'RegistrationForm' });
export type RegistrationForm = z.infer<typeof RegistrationForm>;

/** Headings of the .xlsx form; tests read the workbook back by them. */
export const REGISTRATION_FORM_TITLE = '考核登记表';
export const REGISTRATION_FORM_MIME_TYPE = XLSX_MIME_TYPE;
