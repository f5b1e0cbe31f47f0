import type { ProjectInput, ProjectRecord, ProjectStopInput } from '$lib/shared/project';
import { FormFields } from '../forms/fields';

/**
 * Reads the project editor's plain HTML form. Stops and gallery pictures are numbered rows
 * (`stops.3.district.ru`) ordered by their position field; an emptied row is no row, and the
 * one empty row the form always has is how a stop is added without JavaScript. Participating
 * museums are checkboxes `museum.<id>`.
 */
export function readProjectForm(form: FormData, base: ProjectRecord) {
  const f = new FormFields(form);
  const count = (name: string): number | null => {
    const typed = f.text(name).replace(/[\s\u00a0]/g, '');
    return typed ? Number(typed) : null;
  };
  const coordinate = (name: string) => {
    const typed = f.text(name).replace(',', '.');
    return typed ? Number(typed) : null;
  };

  const stops = f.rows('stops', (row): ProjectStopInput | null => {
    const district = f.pair(`${row}.district`);
    const kind = f.text(`${row}.venue.kind`) === 'museum' ? 'museum' : 'place';
    const museumId = Number(f.text(`${row}.venue.museumId`)) || 0;
    const name = f.pair(`${row}.venue.name`);
    const programme = f.pair(`${row}.programme`);
    const startsOn = f.date(`${row}.startsOn`);
    const endsOn = f.date(`${row}.endsOn`);
    const participants = count(`${row}.participants`);
    const empty =
      !district &&
      !(kind === 'museum' ? museumId : name) &&
      !programme &&
      !startsOn &&
      !endsOn &&
      participants === null;
    if (empty) return null;
    return {
      key: f.text(`${row}.key`),
      district: district ?? { ru: '', en: '' },
      venue:
        kind === 'museum'
          ? { kind, museumId }
          : {
              kind,
              name,
              latitude: coordinate(`${row}.venue.latitude`),
              longitude: coordinate(`${row}.venue.longitude`)
            },
      startsOn,
      endsOn,
      programme,
      participants
    };
  });
  // A stop that came without a key (a new row) gets the first free one.
  const used = new Set(stops.map((s) => s.key).filter(Boolean));
  for (const stop of stops) if (!stop.key) stop.key = freeKey(used);

  const gallery = f.rows('gallery', (row) => {
    const assetId = Number(f.text(`${row}.assetId`)) || 0;
    const caption = f.pair(`${row}.caption`);
    return assetId || caption ? { assetId, caption } : null;
  });

  const museumIds: number[] = [];
  const eventIds: number[] = [];
  const newsIds: number[] = [];
  for (const name of form.keys()) {
    const news = /^news\.(\d+)$/.exec(name);
    if (news) newsIds.push(Number(news[1]));
    const museum = /^museum\.(\d+)$/.exec(name);
    if (museum) museumIds.push(Number(museum[1]));
    const event = /^event\.(\d+)$/.exec(name);
    if (event) eventIds.push(Number(event[1]));
  }

  const input: ProjectInput = {
    ...base,
    title: f.pair('title') ?? { ru: '', en: '' },
    summary: f.pair('summary'),
    period: { start: f.text('period.start'), end: f.date('period.end') },
    periodText: f.pair('periodText'),
    funder: f.pair('funder'),
    grantProgramme: f.pair('grantProgramme'),
    goals: f.pair('goals'),
    description: f.pair('description'),
    partners: f.pairLines('partners'),
    museumIds,
    eventIds,
    newsIds,
    results: {
      participants: count('results.participants'),
      events: count('results.events'),
      districts: count('results.districts'),
      lines: f.pairLines('results.lines')
    },
    gallery,
    stops
  };
  return { input, fields: f };
}

/** A saved project as the form's fields (name → text), for the editor to show. */
export function projectFields(record: ProjectRecord): Record<string, string> {
  const out: Record<string, string> = {};
  const pair = (name: string, value: { ru: string; en: string } | null | undefined) => {
    out[`${name}.ru`] = value?.ru ?? '';
    out[`${name}.en`] = value?.en ?? '';
  };
  const lines = (values: { ru: string; en: string }[]) =>
    values.map((v) => (v.en && v.en !== v.ru ? `${v.ru} | ${v.en}` : v.ru)).join('\n');
  const number = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));
  pair('title', record.title);
  pair('summary', record.summary);
  out['period.start'] = record.period.start;
  out['period.end'] = record.period.end ?? '';
  pair('periodText', record.periodText);
  pair('funder', record.funder);
  pair('grantProgramme', record.grantProgramme);
  pair('goals', record.goals);
  pair('description', record.description);
  out.partners = lines(record.partners);
  for (const id of record.museumIds) out[`museum.${id}`] = 'on';
  for (const id of record.eventIds) out[`event.${id}`] = 'on';
  for (const id of record.newsIds) out[`news.${id}`] = 'on';
  out['results.participants'] = number(record.results.participants);
  out['results.events'] = number(record.results.events);
  out['results.districts'] = number(record.results.districts);
  out['results.lines'] = lines(record.results.lines);
  record.gallery.forEach((g, i) => {
    out[`gallery.${i}.position`] = String(i + 1);
    out[`gallery.${i}.assetId`] = String(g.assetId);
    pair(`gallery.${i}.caption`, g.caption);
  });
  record.stops.forEach((s, i) => {
    const row = `stops.${i}`;
    out[`${row}.position`] = String(i + 1);
    out[`${row}.key`] = s.key;
    pair(`${row}.district`, s.district);
    out[`${row}.venue.kind`] = s.venue.kind;
    if (s.venue.kind === 'museum') out[`${row}.venue.museumId`] = String(s.venue.museumId);
    else {
      pair(`${row}.venue.name`, s.venue.name);
      out[`${row}.venue.latitude`] = number(s.venue.latitude);
      out[`${row}.venue.longitude`] = number(s.venue.longitude);
    }
    out[`${row}.startsOn`] = s.startsOn ?? '';
    out[`${row}.endsOn`] = s.endsOn ?? '';
    pair(`${row}.programme`, s.programme);
    out[`${row}.participants`] = number(s.participants);
  });
  return out;
}

/** The first `s1`, `s2` … not yet taken. */
function freeKey(taken: Set<string>): string {
  for (let n = 1; ; n++) {
    const key = `s${n}`;
    if (!taken.has(key)) {
      taken.add(key);
      return key;
    }
  }
}
