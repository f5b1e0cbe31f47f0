import { fail } from '@sveltejs/kit';
import { idParam, orNotFound } from '$lib/server/http/guards';
import { sessionWhen } from '$lib/server/registrations/mails';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
  const eventId = idParam(params.eventId);
  const actor = locals.staff?.actor ?? null;
  const sessions = await orNotFound(() => locals.app.registrations.list(actor, eventId));
  const locale = locals.locale;
  const first = sessions[0]?.session;
  return {
    eventId,
    title: first ? first.title[locale] || first.title.ru : '',
    path: first?.path ?? '',
    sessions: sessions.map(({ session, load, registrations }) => ({
      id: session.id,
      when: sessionWhen(session, locale),
      capacity: session.capacity,
      cancelled: session.cancelled,
      load,
      registrations: registrations.map((r) => ({
        id: r.id,
        status: r.status,
        name: r.name,
        email: r.email,
        phone: r.phone,
        people: r.people,
        school: r.school,
        className: r.className,
        answers: r.answers,
        attended: r.attended,
        createdAt: r.createdAt
      }))
    }))
  };
};

const ids = (values: FormDataEntryValue[]) =>
  values.map((v) => Number(v)).filter((n) => Number.isInteger(n) && n > 0);

export const actions: Actions = {
  attendance: async ({ locals, params, request }) => {
    const eventId = idParam(params.eventId);
    const form = await request.formData();
    const sessionId = idParam(String(form.get('sessionId') ?? ''));
    await orNotFound(() =>
      locals.app.registrations.markAttendance(
        locals.staff?.actor ?? null,
        eventId,
        sessionId,
        ids(form.getAll('attended'))
      )
    );
    return { saved: 'attendance' as const, sessionId };
  },
  cancel: async ({ locals, params, request }) => {
    const eventId = idParam(params.eventId);
    const form = await request.formData();
    const registrationId = idParam(String(form.get('registrationId') ?? ''));
    await orNotFound(() =>
      locals.app.registrations.cancelByStaff(locals.staff?.actor ?? null, eventId, registrationId)
    );
    return { saved: 'cancel' as const };
  },
  write: async ({ locals, params, request }) => {
    const eventId = idParam(params.eventId);
    const form = await request.formData();
    const session = Number(form.get('sessionId'));
    const message = {
      sessionId: Number.isInteger(session) && session > 0 ? session : null,
      subject: String(form.get('subject') ?? ''),
      body: String(form.get('body') ?? '')
    };
    const result = await orNotFound(() =>
      locals.app.registrations.writeToAll(locals.staff?.actor ?? null, eventId, message)
    );
    if (result.errors.length > 0)
      return fail(400, {
        write: message,
        errors: Object.fromEntries(result.errors.map((e) => [e.field, e.message[locals.locale]]))
      });
    return { saved: 'write' as const, sent: result.sent };
  }
};
