/** JSON columns come back parsed from PostgreSQL (jsonb) and as text from SQLite. */
export function readJson<T>(value: T | string): T {
  return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}

/** Both dialects take JSON as text; pg would otherwise send a JS array as a PostgreSQL array. */
export function writeJson(value: unknown): string {
  return JSON.stringify(value);
}
