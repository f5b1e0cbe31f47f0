import type { Readable } from 'node:stream';
import type { Locale } from '$lib/shared/museum';
import type { ReportView } from '$lib/shared/report';
import { csvFile, rowsOf, xlsxWorkbook, type TableCell } from '../content/table-file';

export const reportFormats = ['csv', 'xlsx'] as const;
export type ReportFormat = (typeof reportFormats)[number];

const words = {
  ru: {
    summary: 'Итоги',
    events: 'Мероприятия',
    projects: 'Проекты',
    districts: 'Районы',
    section: 'Раздел',
    item: 'Показатель',
    value: 'Значение',
    period: 'Период',
    eventsHeld: 'Проведено мероприятий',
    sessionsHeld: 'Проведено сеансов',
    registered: 'Зарегистрировано',
    attended: 'Пришло',
    projectCount: 'Проектов',
    projectParticipants: 'Участников проектов',
    districtCount: 'Охвачено районов',
    title: 'Название',
    organiser: 'Организатор',
    association: 'Ассоциация',
    district: 'Район',
    date: 'Дата',
    sessions: 'Сеансов',
    participants: 'Участников (по данным проекта)',
    stopParticipants: 'Участников остановок в периоде',
    stops: 'Остановок в периоде',
    counted: 'Учтено в итогах'
  },
  en: {
    summary: 'Summary',
    events: 'Events',
    projects: 'Projects',
    districts: 'Districts',
    section: 'Section',
    item: 'Item',
    value: 'Value',
    period: 'Period',
    eventsHeld: 'Events held',
    sessionsHeld: 'Sessions held',
    registered: 'Registered',
    attended: 'Attended',
    projectCount: 'Projects',
    projectParticipants: 'Project participants',
    districtCount: 'Districts reached',
    title: 'Title',
    organiser: 'Organiser',
    association: 'Association',
    district: 'District',
    date: 'Date',
    sessions: 'Sessions',
    participants: 'Participants (as the project reports)',
    stopParticipants: 'Stop participants in the period',
    stops: 'Stops in the period',
    counted: 'Counted in the totals'
  }
};

/** The report's tables: the summary, the events, the projects, the districts. */
export function reportTables(report: ReportView, locale: Locale) {
  const w = words[locale];
  const t = report.totals;
  const summary: TableCell[][] = [
    [w.item, w.value],
    [w.period, `${report.period.from} – ${report.period.to}`],
    [w.eventsHeld, t.eventsHeld],
    [w.sessionsHeld, t.sessionsHeld],
    [w.registered, t.registered],
    [w.attended, t.attended],
    [w.projectCount, t.projects],
    [w.projectParticipants, t.projectParticipants],
    [w.districtCount, t.districts]
  ];
  const events: TableCell[][] = [
    [w.title, w.organiser, w.district, w.date, w.sessions, w.registered, w.attended],
    ...report.events.map((e) => [
      e.title,
      e.organiser ?? w.association,
      e.district,
      e.date,
      e.sessions,
      e.registered,
      e.attended
    ])
  ];
  const projects: TableCell[][] = [
    [w.title, w.organiser, w.participants, w.stops, w.stopParticipants, w.counted],
    ...report.projects.map((p) => [
      p.title,
      p.organiser ?? w.association,
      p.participants,
      p.stops,
      p.stopParticipants,
      p.counted
    ])
  ];
  const districts: TableCell[][] = [[w.district], ...report.districts.map((d) => [d])];
  return [
    { name: w.summary, rows: summary },
    { name: w.events, rows: events },
    { name: w.projects, rows: projects },
    { name: w.districts, rows: districts }
  ];
}

/**
 * The report as a file: XLSX with a sheet a table; CSV as one table whose first column names
 * the table a row belongs to.
 */
export function reportFile(report: ReportView, format: ReportFormat, locale: Locale): Readable {
  const tables = reportTables(report, locale);
  if (format === 'xlsx')
    return xlsxWorkbook(
      tables.map(({ name, rows: [header = [], ...rows] }) => ({
        name,
        header: header.map(String),
        rows: rowsOf(rows)
      }))
    );
  const w = words[locale];
  return csvFile(
    [w.section, w.item, w.value],
    rowsOf(tables.flatMap(({ name, rows }) => rows.map((row) => [name, ...row]))),
    locale
  );
}
