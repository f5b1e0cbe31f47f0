import { error } from '@sveltejs/kit';
import type { Target } from '../auth/access';
import { checkInBothLanguages } from '../content/checks';
import { orNotFound } from '../http/guards';
import { reportPeriod } from './service';

type Locals = App.Locals;

/**
 * What a report page asks, from its address: whose (`museum=<id>`, none for the association's)
 * and the period (`from`, `to`). A person who may not read the association's report gets their
 * first museum's.
 */
export async function reportRequest(locals: Locals, url: URL) {
  const actor = locals.staff?.actor ?? null;
  const reports = locals.app.reports;
  const owners = await orNotFound(() => reports.owners(actor, locals.locale));
  const asked = Number(url.searchParams.get('museum'));
  const museumId = Number.isInteger(asked) && asked > 0 ? asked : null;
  let owner: Target;
  if (museumId !== null) owner = { kind: 'museum', museumId };
  else if (owners.association) owner = { kind: 'association' };
  else if (owners.museums[0]) owner = { kind: 'museum', museumId: owners.museums[0].id };
  else error(404, 'Not found');
  const typed = { from: url.searchParams.get('from') ?? '', to: url.searchParams.get('to') ?? '' };
  const fallback = await reports.defaultPeriod(owner);
  const asksPeriod = typed.from !== '' || typed.to !== '';
  const checked = asksPeriod
    ? checkInBothLanguages(reportPeriod, {
        from: typed.from || fallback.from,
        to: typed.to || fallback.to
      })
    : ({ ok: true, data: fallback } as const);
  return {
    owner,
    owners,
    typed: asksPeriod ? typed : fallback,
    period: checked.ok ? checked.data : fallback,
    errors: checked.ok
      ? {}
      : Object.fromEntries(checked.errors.map((e) => [e.field, e.message[locals.locale]]))
  };
}
