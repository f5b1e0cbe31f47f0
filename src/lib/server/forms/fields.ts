/**
 * Reads plain HTML forms (they work without JavaScript) into the shapes the services check.
 * Lists of rows are numbered fields (`contacts.0.name.ru`, `contacts.1.name.ru`, …) with a
 * position field each; an empty row is no row. Rows are renumbered in the record, so the reader
 * remembers which form row each record row came from: an error on `contacts.0.email` is shown
 * beside the form's `contacts.3.email`.
 */
export class FormFields {
  private readonly sources = new Map<string, string>();

  constructor(private readonly form: FormData) {}

  has(name: string): boolean {
    return this.form.has(name);
  }

  text(name: string): string {
    const value = this.form.get(name);
    return typeof value === 'string' ? value.trim() : '';
  }

  optional(name: string): string | null {
    return this.text(name) || null;
  }

  /** A Russian–English pair; null when both are empty. */
  pair(name: string): { ru: string; en: string } | null {
    const ru = this.text(`${name}.ru`);
    const en = this.text(`${name}.en`);
    return ru || en ? { ru, en } : null;
  }

  /** A list typed one item a line. */
  lines(name: string): string[] {
    return this.text(name)
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean);
  }

  /** Pairs typed one a line as "in Russian | in English"; a line without English repeats the Russian. */
  pairLines(name: string): { ru: string; en: string }[] {
    return this.lines(name).map((line) => {
      const [ru = '', en = ''] = line.split('|').map((part) => part.trim());
      return { ru, en: en || ru };
    });
  }

  /** A date from `<input type="date">`, or null. */
  date(name: string): string | null {
    return this.optional(name);
  }

  /**
   * The rows of a numbered list, ordered by their position field (then by their place in the
   * form). `read` gets each row's field prefix and answers null for an empty row.
   */
  rows<T>(list: string, read: (row: string) => T | null): T[] {
    const pattern = new RegExp(`^${escapeRegExp(list)}\\.(\\d+)\\.`);
    const indexes = new Set<number>();
    for (const name of this.form.keys()) {
      const match = pattern.exec(name);
      if (match) indexes.add(Number(match[1]));
    }
    const found: { row: string; position: number; order: number; value: T }[] = [];
    for (const index of [...indexes].sort((a, b) => a - b)) {
      const row = `${list}.${index}`;
      const value = read(row);
      if (value === null) continue;
      const typed = Number(this.text(`${row}.position`) || NaN);
      found.push({
        row,
        position: Number.isFinite(typed) ? typed : index + 1,
        order: index,
        value
      });
    }
    found.sort((a, b) => a.position - b.position || a.order - b.order);
    found.forEach(({ row }, i) => this.sources.set(`${list}.${i}`, row));
    return found.map(({ value }) => value);
  }

  /** The form field a path of the read record came from (the same path outside row lists). */
  source(path: string): string {
    const [list, index, ...rest] = path.split('.');
    const row = this.sources.get(`${list}.${index}`);
    return row ? [row, ...rest].join('.') : path;
  }

  /** Messages of a refused save, keyed by the form's own field names, in one language. */
  messages(
    errors: readonly { field: string; message: { ru: string; en: string } }[],
    locale: 'ru' | 'en'
  ): Record<string, string> {
    return Object.fromEntries(errors.map((e) => [this.source(e.field), e.message[locale]]));
  }

  /**
   * Everything typed, as field name → text, to show again after a refused save (so nothing typed
   * is lost).
   */
  submitted(): Record<string, string> {
    const fields: Record<string, string> = {};
    for (const [name, value] of this.form) if (typeof value === 'string') fields[name] = value;
    return fields;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
