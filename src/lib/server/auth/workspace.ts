import type { Locale } from '$lib/shared/museum';
import { pick } from '$lib/shared/localize';
import { museumsOf, NotFoundOrForbidden } from './access';
import type { StaffSession } from './accounts';
import type { StaffRepository } from './staff-repository';
import type { MuseumRepository } from '../museums/repository';

/** What a signed-in person sees first: their museums, their colleagues, the latest changes. */
export class Workspace {
  constructor(
    private readonly staff: StaffRepository,
    private readonly museums: MuseumRepository
  ) {}

  /** Everything here is limited to the museums the person works on (all, for the association). */
  async dashboard(session: StaffSession | null, locale: Locale) {
    if (!session) throw new NotFoundOrForbidden();
    const scope = museumsOf(session.actor);
    const [museums, team, recent] = await Promise.all([
      this.museums.namesOf(scope),
      this.staff.staffOf(scope),
      this.staff.recentAudit(scope, 20)
    ]);
    return {
      museums: museums.map((m) => ({
        id: m.id,
        slug: m.slug,
        name: pick(locale, m.name_ru, m.name_en)
      })),
      team: team.map((t) => ({
        id: t.user_id,
        name: t.name,
        email: t.email,
        role: t.role,
        publishing: t.publishing,
        museum: t.museum_ru ? pick(locale, t.museum_ru, t.museum_en) : null
      })),
      recent
    };
  }
}
