import type { Locale } from '$lib/shared/museum';
import { pick } from '$lib/shared/localize';
import {
  projectPath,
  type ProjectCard,
  type ProjectOrigin,
  type ProjectRecord,
  type ProjectView
} from '$lib/shared/project';
import { eventPath } from '$lib/shared/event';
import { newsPath } from '$lib/shared/news';
import { sanitizeRichText } from '../content/rich-text';
import { responsiveImage } from '../media/responsive';
import { projectMuseums } from './checks';
import type { OwnerAssets } from './editor';
import type { ProjectRepository, PublishedProject } from './repository';

type Pair = { ru: string; en: string };
type Museum = { slug: string; name: Pair } | null;

const text = (locale: Locale, value: Pair) => pick(locale, value.ru, value.en);
const optional = (locale: Locale, value: Pair | null | undefined) =>
  value ? text(locale, value) || null : null;

/**
 * The public read model of projects: published records in the visitor's language, gallery files
 * resolved to URLs, stops placed on the map by their museum or their own point.
 */
export class ProjectDirectory {
  constructor(
    private readonly projects: ProjectRepository,
    /** No access check: only published records (and staff previews) ask. */
    private readonly assetsOf: OwnerAssets,
    /** Storage key → public URL. */
    private readonly urlOf: (key: string) => string
  ) {}

  async page(museumSlug: string | null, slug: string, locale: Locale) {
    const found = await this.projects.publishedBySlug(museumSlug, slug);
    if (!found) return null;
    return this.view(found, found.record, locale);
  }

  /** A version staff are working on, as visitors would see it. */
  async preview(museumId: number | null, projectId: number, record: ProjectRecord, locale: Locale) {
    const project = await this.projects.find(museumId, projectId);
    if (!project) return null;
    const museum = (await this.projects.museumOf(museumId)) ?? null;
    return this.view(
      { id: projectId, museumId, museum, origin: project.origin, publishedAt: null },
      record,
      locale
    );
  }

  /**
   * Published projects as cards: all (the association's first, then by start, latest first), the
   * association's own, or a museum's — its own and those it takes part in or hosted a stop of.
   */
  async cards(
    locale: Locale,
    of: 'all' | 'association' | { museumSlug: string } = 'all'
  ): Promise<ProjectCard[]> {
    if (of === 'association')
      return (await this.projects.allPublished('association')).map((p) => this.card(p, locale));
    const found = await this.projects.allPublished();
    if (of === 'all') return found.map((p) => this.card(p, locale));
    const museumId = await this.projects.museumIdOf(of.museumSlug);
    return found
      .filter((p) => p.museumId === museumId || projectMuseums(p.record).includes(museumId ?? 0))
      .map((p) => this.card(p, locale));
  }

  private card(p: PublishedProject, locale: Locale): ProjectCard {
    return {
      id: p.id,
      path: projectPath(p.museum?.slug ?? null, p.record.slug),
      title: text(locale, p.record.title),
      summary: optional(locale, p.record.summary),
      period: { start: p.record.period.start, end: p.record.period.end ?? null },
      periodText: optional(locale, p.record.periodText),
      museum: p.museum ? { slug: p.museum.slug, name: text(locale, p.museum.name) } : null,
      travelling: p.record.stops.length > 0,
      origin: p.origin
    };
  }

  private async view(
    project: {
      id: number;
      museumId: number | null;
      museum: Museum;
      origin: ProjectOrigin;
      publishedAt: string | null;
    },
    record: ProjectRecord,
    locale: Locale
  ): Promise<ProjectView> {
    const [assets, museums, events, news] = await Promise.all([
      this.assetsOf(
        project.museumId,
        record.gallery.map((g) => g.assetId)
      ),
      this.projects.museumsAmong(projectMuseums(record)),
      this.projects.eventsOf(project.id),
      this.projects.newsOf(project.id)
    ]);
    const ready = new Map(assets.filter((a) => a.status === 'ready').map((a) => [a.id, a]));
    const museumById = new Map(museums.map((m) => [m.id, m]));
    const rich = (value: Pair | null | undefined) => {
      const html = optional(locale, value);
      return html ? sanitizeRichText(html) : null;
    };
    return {
      id: project.id,
      slug: record.slug,
      path: projectPath(project.museum?.slug ?? null, record.slug),
      origin: project.origin,
      museum: project.museum
        ? { slug: project.museum.slug, name: text(locale, project.museum.name) }
        : null,
      title: text(locale, record.title),
      summary: optional(locale, record.summary),
      period: { start: record.period.start, end: record.period.end ?? null },
      periodText: optional(locale, record.periodText),
      funder: optional(locale, record.funder),
      grantProgramme: optional(locale, record.grantProgramme),
      goalsHtml: rich(record.goals),
      descriptionHtml: rich(record.description),
      partners: record.partners.map((p) => text(locale, p)),
      museums: record.museumIds.flatMap((id) => {
        const museum = museumById.get(id);
        return museum ? [{ slug: museum.slug, name: text(locale, museum.name) }] : [];
      }),
      results: {
        participants: record.results.participants ?? null,
        events: record.results.events ?? null,
        districts: record.results.districts ?? null,
        lines: record.results.lines.map((l) => text(locale, l))
      },
      gallery: record.gallery.flatMap((photo) => {
        const asset = ready.get(photo.assetId);
        return asset?.rendition
          ? [
              {
                image: responsiveImage(asset.rendition, this.urlOf, asset.focal),
                alt: text(locale, asset.alt),
                caption: optional(locale, photo.caption)
              }
            ]
          : [];
      }),
      stops: record.stops.map((stop) => {
        const museum = stop.venue.kind === 'museum' ? museumById.get(stop.venue.museumId) : null;
        const venue = stop.venue;
        return {
          key: stop.key,
          district: text(locale, stop.district),
          venue: museum
            ? text(locale, museum.name)
            : venue.kind === 'place'
              ? (optional(locale, venue.name) ?? '')
              : '',
          museumPath: museum ? `/museums/${museum.slug}` : null,
          startsOn: stop.startsOn ?? null,
          endsOn: stop.endsOn ?? null,
          programme: optional(locale, stop.programme),
          participants: stop.participants ?? null,
          position: museum
            ? museum.position
            : venue.kind === 'place' && venue.latitude != null && venue.longitude != null
              ? { latitude: venue.latitude, longitude: venue.longitude }
              : null
        };
      }),
      events: events.map((e) => ({
        title: text(locale, { ru: e.title_ru, en: e.title_en }),
        path: eventPath(e.museum_slug, e.slug),
        date: e.first_starts_at ? new Date(e.first_starts_at).toISOString().slice(0, 10) : null
      })),
      news: news.map((n) => ({
        title: text(locale, { ru: n.title_ru, en: n.title_en }),
        path: newsPath(n.museum_slug, n.slug),
        date: n.published_at ? new Date(n.published_at).toISOString().slice(0, 10) : null
      })),
      publishedAt: project.publishedAt
    };
  }
}
