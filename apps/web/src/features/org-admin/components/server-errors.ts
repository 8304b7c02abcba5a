import type { FormInstance } from 'antd';
import { isApiError } from '@/lib/api-client';

interface FieldIssue {
  path?: unknown;
  line?: unknown;
  message?: unknown;
}

/**
 * Puts a refused request's messages on the fields they concern: zod issues name `body.<field>`;
 * chain violations name the line, i.e. the superior field of that line. Returns whether any
 * field took a message (the form shows the server's summary above the fields either way).
 */
export function applyServerErrors(
  form: FormInstance,
  error: unknown,
  options: { fields: readonly string[]; lineFields?: Partial<Record<'ADMINISTRATIVE' | 'PARTY', string>> },
): boolean {
  if (!isApiError(error) || !Array.isArray(error.details)) return false;
  const byField = new Map<string, string[]>();
  for (const issue of error.details as FieldIssue[]) {
    if (typeof issue?.message !== 'string') continue;
    let field: string | undefined;
    if (typeof issue.path === 'string' && issue.path.startsWith('body.')) field = issue.path.split('.')[1];
    else if (issue.line === 'ADMINISTRATIVE' || issue.line === 'PARTY')
      field = options.lineFields?.[issue.line];
    if (!field || !options.fields.includes(field)) continue;
    byField.set(field, [...(byField.get(field) ?? []), issue.message]);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return byField.size > 0;
}
