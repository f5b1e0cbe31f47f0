import { fail } from '@sveltejs/kit';
import { ZodError } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { idParam, orNotFound } from '$lib/server/http/guards';
import { localizeHref } from '$lib/i18n';
import type { TeamChange } from '$lib/server/auth/team';

export const load: PageServerLoad = async ({ locals, params }) => {
  const id = idParam(params.id);
  return orNotFound(() => locals.app.team.ofMuseum(locals.staff?.actor ?? null, id, locals.locale));
};

/** One change to one person's place in the team; a refusal comes back beside their row. */
async function changeMember(
  locals: App.Locals,
  museumParam: string,
  form: FormData,
  change: TeamChange
) {
  const museumId = idParam(museumParam);
  const userId = String(form.get('user') ?? '');
  const result = await orNotFound(() =>
    locals.app.team.change(locals.staff?.actor ?? null, museumId, userId, change)
  );
  if (!result.ok) return fail(409, { member: { userId, error: result.reason } });
  const done = change.kind === 'remove' ? ('removed' as const) : ('saved' as const);
  return { member: { userId, name: result.name, done } };
}

export const actions: Actions = {
  role: async ({ request, locals, params }) => {
    const form = await request.formData();
    const role = form.get('role') === 'museum_admin' ? 'museum_admin' : 'museum_editor';
    return changeMember(locals, params.id, form, { kind: 'role', role });
  },
  publishing: async ({ request, locals, params }) => {
    const form = await request.formData();
    const publishing = form.get('publishing') === 'publish' ? 'publish' : 'review';
    return changeMember(locals, params.id, form, { kind: 'publishing', publishing });
  },
  remove: async ({ request, locals, params }) => {
    return changeMember(locals, params.id, await request.formData(), { kind: 'remove' });
  },
  revoke: async ({ request, locals, params }) => {
    const museumId = idParam(params.id);
    const invitation = Number((await request.formData()).get('invitation'));
    const revoked = await orNotFound(() =>
      locals.app.team.revokeInvitation(locals.staff?.actor ?? null, museumId, invitation)
    );
    if (!revoked) return fail(409, { revoke: { gone: true as const } });
    return { revoke: { email: revoked.email } };
  },
  invite: async ({ request, locals, params }) => {
    const museumId = idParam(params.id);
    const form = await request.formData();
    const email = String(form.get('email') ?? '').trim();
    const role = form.get('role') === 'museum_admin' ? 'museum_admin' : 'museum_editor';
    const publish = form.get('publish') === 'on';
    const staff = locals.staff;
    if (!staff) return fail(404, { invite: { email, role, publish, error: 'email' as const } });
    try {
      await orNotFound(() =>
        locals.app.accounts.invite(
          staff.actor,
          { email, role, museumId, publishing: publish ? 'publish' : 'review' },
          staff.user,
          localizeHref('/admin/accept')
        )
      );
    } catch (error) {
      // The address was refused; "no access" became a 404 above.
      if (error instanceof ZodError) {
        return fail(400, { invite: { email, role, publish, error: 'email' as const } });
      }
      throw error;
    }
    return { invite: { email, role, publish, error: null } };
  }
};
