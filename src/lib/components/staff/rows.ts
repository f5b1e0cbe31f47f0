/**
 * The row numbers of a numbered list (`contacts.0.…`, `contacts.3.…`) among a form's fields, in
 * the order their position fields give, and with one unused number for an empty row to add to.
 * A row keeps its number while it is moved with the buttons: only its position changes.
 */
export function rowNumbers(
  list: string,
  fields: Record<string, string>,
  withEmptyRow: boolean
): number[] {
  const pattern = new RegExp(`^${list.replace(/\./g, '\\.')}\\.(\\d+)\\.`);
  const found = new Set<number>();
  for (const name of Object.keys(fields)) {
    const match = pattern.exec(name);
    if (match) found.add(Number(match[1]));
  }
  const position = (n: number) => Number(fields[`${list}.${n}.position`]) || n + 1;
  const numbers = [...found].sort((a, b) => position(a) - position(b) || a - b);
  if (withEmptyRow) numbers.push(numbers.length > 0 ? Math.max(...numbers) + 1 : 0);
  return numbers;
}
