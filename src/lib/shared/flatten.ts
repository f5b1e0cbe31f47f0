/**
 * A nested value as field path → text (`scenes.0.title.ru` → "Первый зал"): how forms name their
 * fields and how versions are compared. Empty values leave no field.
 */
export function flatten(
  value: unknown,
  prefix = '',
  out: Record<string, string> = {}
): Record<string, string> {
  if (value === null || value === undefined) return out;
  if (typeof value !== 'object') {
    out[prefix] = String(value);
    return out;
  }
  for (const [key, inner] of Object.entries(value))
    flatten(inner, prefix ? `${prefix}.${key}` : key, out);
  return out;
}
