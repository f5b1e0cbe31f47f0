import { localizeHref as paraglideHref } from '$lib/paraglide/runtime';
import type { Locale } from '$lib/shared/museum';

/**
 * A path in the visitor's (or the given) language: /museums, /en/museums. Paraglide writes the
 * English home as /en/, which the server redirects to /en; link to /en directly.
 */
export function localizeHref(path: string, options?: { locale?: Locale }): string {
  return paraglideHref(path, options).replace(/^(\/[a-z]{2})\/(?=$|[?#])/, '$1');
}
