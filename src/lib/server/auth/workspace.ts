import type { Locale } from '$lib/shared/museum';
import { pick } from '$lib/shared/localize';
import { can, museumsOf, NotFoundOrForbidden } from './access';
import type { StaffSession } from './accounts';
import type { AuditLog } from './audit-log';
import { associationTimeZone, formatWhen } from './audit-lines';
import type { MuseumRepository } from '../museums/repository';
import type { RevisionRepository } from '../museums/revisions';
import type { JobOverview } from '../jobs/overview';
import type { TourRepository } from '../tours/repository';
import type { ExhibitRepository } from '../exhibits/repository';
import type { NewsRepository } from '../news/repository';

/** What a signed-in person sees first: their museums, their drafts, what waits for them, the latest changes. */
export class Workspace {
  constructor(
    private readonly museums: MuseumRepository,
    private readonly revisions: RevisionRepository,
    private readonly audit: AuditLog,
    private readonly jobs: JobOverview,
    private readonly clock: () => Date,
    private readonly tours: Pick<TourRepository, 'waitingForReview'>,
    private readonly exhibits: Pick<ExhibitRepository, 'waitingForReview'>,
    private readonly news: Pick<NewsRepository, 'waitingForReview'> = {
      waitingForReview: async () => []
    }
  ) {}

  /** Everything here is limited to the museums the person works on (all, for the association). */
  async dashboard(session: StaffSession | null, locale: Locale) {
    if (!session) throw new NotFoundOrForbidden();
    const { actor } = session;
    const scope = museumsOf(actor);
    const [museums, open, tours, exhibits, recent, jobs, news] = await Promise.all([
      this.museums.namesOf(scope),
      this.revisions.openIn(scope),
      this.tours.waitingForReview(scope),
      this.exhibits.waitingForReview(scope),
      this.audit.recent(actor, locale, 10),
      this.jobs.visibleTo(actor) ? this.jobs.counts(actor) : Promise.resolve(null),
      this.news.waitingForReview(scope)
    ]);
    const now = this.clock();
    const named = new Map(
      museums.map((m) => [
        m.id,
        { id: m.id, slug: m.slug, name: pick(locale, m.name_ru, m.name_en) }
      ])
    );
    const when = (at: string) => formatWhen(new Date(at), associationTimeZone, locale, now);
    const mayReview = (museumId: number) =>
      can(actor, 'museum.review', { kind: 'museum', museumId });
    const line = (r: (typeof open)[number]) => ({
      revisionId: r.id,
      museumId: r.museum_id,
      museum: named.get(r.museum_id)?.name ?? '',
      author: r.author,
      note: r.note,
      when: when(r.updated_at)
    });
    return {
      museums: [...named.values()].map((m) => ({
        ...m,
        canManageTeam: can(actor, 'staff.list', { kind: 'museum', museumId: m.id })
      })),
      drafts: open.filter((r) => r.status === 'draft' && r.author_id === actor.userId).map(line),
      waiting: open.filter((r) => r.status === 'review' && mayReview(r.museum_id)).map(line),
      /** Tours submitted for review, beside the museum profiles; each links to its editor. */
      waitingTours: tours
        .filter((t) => mayReview(t.museum_id))
        .map((t) => ({
          revisionId: t.id,
          museumId: t.museum_id,
          tourId: t.tour_id,
          title: pick(locale, t.title_ru, t.title_en),
          museum: named.get(t.museum_id)?.name ?? '',
          author: t.author,
          when: when(t.updated_at)
        })),
      /** Exhibits submitted for review; each links to its form. */
      waitingExhibits: exhibits
        .filter((e) => mayReview(e.museum_id))
        .map((e) => ({
          revisionId: e.id,
          museumId: e.museum_id,
          exhibitId: e.exhibit_id,
          inventoryNumber: e.inventory_number,
          title: pick(locale, e.title_ru, e.title_en),
          museum: named.get(e.museum_id)?.name ?? '',
          author: e.author,
          when: when(e.updated_at)
        })),
      /** News submitted for review (the association's for its admins); each links to its editor. */
      waitingNews: news
        .filter((n) =>
          n.museum_id === null
            ? can(actor, 'museum.review', { kind: 'association' })
            : mayReview(n.museum_id)
        )
        .map((n) => ({
          revisionId: n.id,
          href:
            n.museum_id === null
              ? `/admin/association/news/${n.news_id}`
              : `/admin/museums/${n.museum_id}/news/${n.news_id}`,
          title: pick(locale, n.title_ru, n.title_en),
          museum: n.museum_id === null ? null : (named.get(n.museum_id)?.name ?? ''),
          author: n.author,
          when: when(n.updated_at)
        })),
      recent,
      canReadAudit: this.audit.readable(actor),
      jobs
    };
  }
}
