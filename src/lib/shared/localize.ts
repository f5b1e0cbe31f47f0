import type { Locale } from './museum';

/** A content field in the visitor's language, falling back to Russian when no translation exists. */
export function pick(locale: Locale, ru: string, en: string | null | undefined): string;
export function pick(locale: Locale, ru: string | null, en: string | null): string | null;
export function pick(locale: Locale, ru: string | null, en: string | null | undefined) {
  return locale === 'en' && en ? en : ru;
}
