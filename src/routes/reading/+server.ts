import { redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { parseReading, readingCookie, serializeReading } from '$lib/shared/reading';

/** Saves the visually-impaired settings for a year and returns the visitor to the page they were on. */
export const POST: RequestHandler = async ({ request, cookies }) => {
  const form = await request.formData();
  const value = (name: string) => {
    const v = form.get(name);
    return typeof v === 'string' ? v : null;
  };
  cookies.set(readingCookie, serializeReading(parseReading(value)), {
    path: '/',
    maxAge: 60 * 60 * 24 * 365,
    httpOnly: false,
    sameSite: 'lax'
  });
  const returnTo = value('returnTo');
  // Only a path on this site, never another origin.
  redirect(303, returnTo && /^\/(?!\/)/.test(returnTo) ? returnTo : '/');
};
