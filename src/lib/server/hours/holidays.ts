import { formatIsoDate, parseIsoDate } from './timezone';

export interface Holiday {
  date: string; // 'YYYY-MM-DD'
  name: { ru: string; en: string };
}

interface FixedHoliday {
  month: number;
  day: number;
  name: { ru: string; en: string };
}

const NEW_YEAR_HOLIDAYS = { ru: 'Новогодние каникулы', en: 'New Year holidays' };

/**
 * Non-working public holidays fixed by the Labour Code of the Russian Federation, art. 112.
 * Out of scope: the yearly government decrees that move days off (e.g. a holiday falling on a
 * weekend shifted to a working day, or bridge days) — those are not predictable from the date.
 */
const FIXED_HOLIDAYS: readonly FixedHoliday[] = [
  ...[1, 2, 3, 4, 5, 6].map((day) => ({ month: 1, day, name: NEW_YEAR_HOLIDAYS })),
  { month: 1, day: 7, name: { ru: 'Рождество Христово', en: 'Orthodox Christmas' } },
  { month: 1, day: 8, name: NEW_YEAR_HOLIDAYS },
  {
    month: 2,
    day: 23,
    name: { ru: 'День защитника Отечества', en: 'Defender of the Fatherland Day' }
  },
  { month: 3, day: 8, name: { ru: 'Международный женский день', en: "International Women's Day" } },
  { month: 5, day: 1, name: { ru: 'Праздник Весны и Труда', en: 'Spring and Labour Day' } },
  { month: 5, day: 9, name: { ru: 'День Победы', en: 'Victory Day' } },
  { month: 6, day: 12, name: { ru: 'День России', en: 'Russia Day' } },
  { month: 11, day: 4, name: { ru: 'День народного единства', en: 'Unity Day' } }
];

/** Russian public non-working holidays of `year`, in date order. */
export function russianHolidays(year: number): Holiday[] {
  return FIXED_HOLIDAYS.map(({ month, day, name }) => ({
    date: formatIsoDate(year, month, day),
    name: { ...name }
  }));
}

/** The Russian public holiday on the civil date `date` ('YYYY-MM-DD'), if any. */
export function russianHolidayOn(date: string): Holiday | null {
  const { year } = parseIsoDate(date);
  return russianHolidays(year).find((holiday) => holiday.date === date) ?? null;
}
