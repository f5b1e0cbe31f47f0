import { error } from '@sveltejs/kit';
import { idParam } from '$lib/server/http/guards';
import { registerAction, registrationBox } from '$lib/server/registrations/form';
import type { Actions, PageServerLoad } from './$types';

/**
 * Where the RegistrationBox of an event's page posts. Without JavaScript the visitor lands here:
 * the answer, or the form again with the messages beside the fields and nothing typed lost, and
 * a link back to the event. enhance.js posts in place and shows the same answer in the box.
 */
export const load: PageServerLoad = async ({ locals, params, setHeaders }) => {
  const eventId = idParam(params.eventId);
  const { app, locale } = locals;
  const box = await registrationBox(
    { registrations: app.registrations, sessions: app.registrationSessions, clock: app.clock },
    eventId,
    locale
  );
  const first = (await app.registrationSessions.ofEvent(eventId))[0];
  if (!first) error(404, 'Not found');
  // "Places left" changes with every registration: no shared copy of this page.
  setHeaders({ 'cache-control': 'private, no-store' });
  return {
    box,
    title: first.title[locale] || first.title.ru,
    path: first.path
  };
};

export const actions: Actions = {
  default: registerAction
};
