/** A news date as the owner's calendar shows it: «25 ноября 2026 г.», "25 November 2026". */
export function newsDate(instant: string, timeZone: string, locale: 'ru' | 'en'): string {
  return new Intl.DateTimeFormat(locale === 'ru' ? 'ru-RU' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone
  }).format(new Date(instant));
}
