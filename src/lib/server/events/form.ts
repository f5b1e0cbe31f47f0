import type { EventInput, EventRecord } from '$lib/shared/event';

/**
 * Reads the event editor's form (plain fields, works without JavaScript) into an EventInput for
 * the service to check. Session and question rows are numbered fields (`sessions.0.date`); their
 * keys travel in hidden fields so a row keeps its key, and the session row its registrations.
 * "Add a session", "remove" and the like only rearrange the form (`arranged`); nothing is saved.
 */
export function readEventForm(
  form: FormData,
  current: EventRecord
): { input: EventInput; arranged: boolean } {
  const text = (name: string) => String(form.get(name) ?? '').trim();
  const optional = (name: string) => text(name) || null;
  const checked = (name: string) => form.get(name) === 'on' || form.get(name) === '1';
  const pair = (name: string) => ({ ru: text(`${name}.ru`), en: text(`${name}.en`) });
  const optionalPair = (name: string) => {
    const value = pair(name);
    return value.ru || value.en ? value : null;
  };
  const int = (name: string) => {
    const value = text(name);
    return /^\d+$/.test(value) ? Number(value) : value === '' ? null : (value as unknown as number);
  };
  const rows = (prefix: string) => {
    const indexes = new Set<number>();
    for (const name of form.keys()) {
      const match = new RegExp(`^${prefix.replace(/\./g, '\\.')}\\.(\\d+)\\.`).exec(name);
      if (match) indexes.add(Number(match[1]));
    }
    return [...indexes].sort((a, b) => a - b);
  };

  const dateKind = text('dates.kind');
  let sessions = rows('sessions').map((i) => ({
    key: text(`sessions.${i}.key`),
    date: text(`sessions.${i}.date`),
    until: optional(`sessions.${i}.until`),
    start: optional(`sessions.${i}.start`),
    end: optional(`sessions.${i}.end`),
    capacity: int(`sessions.${i}.capacity`),
    deadline: optional(`sessions.${i}.deadline`),
    cancelled: checked(`sessions.${i}.cancelled`)
  }));
  const q = 'registration.questions';
  let questions = rows(q).map((i) => ({
    key: text(`${q}.${i}.key`),
    label: pair(`${q}.${i}.label`),
    required: checked(`${q}.${i}.required`)
  }));

  const arrange = text('arrange');
  const nextKey = (prefix: string, used: string[]) => {
    let n = 1;
    while (used.includes(`${prefix}${n}`)) n += 1;
    return `${prefix}${n}`;
  };
  if (arrange === 'add-session') {
    const last = sessions.at(-1);
    sessions = [
      ...sessions,
      {
        key: nextKey('s', [
          ...sessions.map((s) => s.key),
          ...current.dates.sessions.map((s) => s.key)
        ]),
        date: last?.date ?? '',
        until: null,
        start: last?.start ?? null,
        end: last?.end ?? null,
        capacity: last?.capacity ?? null,
        deadline: null,
        cancelled: false
      }
    ];
  }
  const removeSession = /^remove-session:(\d+)$/.exec(arrange);
  if (removeSession) sessions = sessions.filter((_, i) => i !== Number(removeSession[1]));
  if (arrange === 'add-question')
    questions = [
      ...questions,
      {
        key: nextKey(
          'q',
          questions.map((q) => q.key)
        ),
        label: { ru: '', en: '' },
        required: false
      }
    ];
  const removeQuestion = /^remove-question:(\d+)$/.exec(arrange);
  if (removeQuestion) questions = questions.filter((_, i) => i !== Number(removeQuestion[1]));

  const venueKind = text('venue.kind');
  const priceKind = text('price.kind');
  const contactName = optionalPair('contact.name');
  const input: EventInput = {
    slug: current.slug,
    kind: text('kind') as EventInput['kind'],
    title: pair('title'),
    lead: optionalPair('lead'),
    description: optionalPair('description'),
    coverAssetId: int('coverAssetId'),
    dates: { kind: dateKind as EventInput['dates']['kind'], sessions },
    venue:
      venueKind === 'address'
        ? {
            kind: 'address',
            settlementSlug: optional('venue.settlementSlug'),
            address: pair('venue.address'),
            timeZone: optional('venue.timeZone')
          }
        : { kind: 'museum', museumId: int('venue.museumId') as number },
    ageRating: (optional('ageRating') ?? undefined) as EventInput['ageRating'],
    price:
      priceKind === 'ticketed'
        ? { kind: 'ticketed', text: pair('price.text'), pushkinCard: checked('price.pushkinCard') }
        : { kind: 'free' },
    status: (optional('status') ?? 'scheduled') as EventInput['status'],
    statusNote: optionalPair('statusNote'),
    contact:
      contactName || optional('contact.phone') || optional('contact.email')
        ? {
            name: contactName ?? { ru: '', en: '' },
            position: optionalPair('contact.position'),
            phone: optional('contact.phone'),
            email: optional('contact.email')
          }
        : null,
    forSchools: checked('forSchools'),
    registration: {
      enabled: checked('registration.enabled'),
      group: checked('registration.group'),
      maxPeople: int('registration.maxPeople') ?? 1,
      phone: text('registration.phone') === 'required' ? 'required' : 'optional',
      questions
    }
  };
  return { input, arranged: arrange !== '' };
}
