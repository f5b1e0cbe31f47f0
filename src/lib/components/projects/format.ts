import { getLocale } from '$lib/paraglide/runtime';

/** A count as the reader's language writes it: «2 250», "2,250". */
export function formatCount(n: number): string {
  return n.toLocaleString(getLocale() === 'en' ? 'en-GB' : 'ru-RU');
}
