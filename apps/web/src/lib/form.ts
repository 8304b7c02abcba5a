import type { FormRule } from 'antd';
import type { z } from 'zod';

/**
 * An antd Form rule that validates one field with its contract schema, so a form shows
 * exactly the messages the API would answer with.
 */
export const zodRule = (schema: z.ZodType): FormRule => ({
  validator: async (_rule, value: unknown) => {
    const result = await schema.safeParseAsync(value ?? '');
    if (!result.success) throw new Error(result.error.issues[0]?.message);
  },
});

/** The first message per top-level field of a failed parse, for forms built without antd Form. */
export function fieldErrors<K extends string>(error: z.ZodError): Partial<Record<K, string>> {
  const errors: Partial<Record<string, string>> = {};
  for (const issue of error.issues) {
    const field = issue.path[0];
    if (typeof field === 'string' && errors[field] === undefined) errors[field] = issue.message;
  }
  return errors as Partial<Record<K, string>>;
}
