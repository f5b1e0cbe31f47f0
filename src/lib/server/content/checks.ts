import { z } from 'zod';

/** A message for one form field, in both interface languages. */
export interface FieldError {
  field: string;
  message: { ru: string; en: string };
}

export type CheckResult<T> = { ok: true; data: T } | { ok: false; errors: FieldError[] };

/**
 * Parses input with a zod schema and, when it fails, says why in Russian and in English, field
 * by field, so a form can show the message beside the field in the reader's language.
 */
export function checkInBothLanguages<S extends z.ZodType>(
  schema: S,
  input: unknown
): CheckResult<z.output<S>> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data };
  const en = schema.safeParse(input, { error: z.locales.en().localeError }).error?.issues ?? [];
  const ru = schema.safeParse(input, { error: z.locales.ru().localeError }).error?.issues ?? [];
  return {
    ok: false,
    errors: en.map((issue, i) => ({
      field: issue.path.join('.'),
      message: isEmpty(issue)
        ? { ru: 'Заполните это поле.', en: 'Fill in this field.' }
        : { ru: ru[i]?.message ?? issue.message, en: issue.message }
    }))
  };
}

/** A required text left empty: zod's own words ("expected string to have >=1 characters") are for programmers. */
function isEmpty(issue: z.core.$ZodIssue): boolean {
  return issue.code === 'too_small' && issue.origin === 'string' && Number(issue.minimum) === 1;
}
