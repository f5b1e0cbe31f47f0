import type { ProjectView } from '$lib/shared/project';

/**
 * schema.org for a project: a Project (an Organization subtype schema.org has for funded
 * undertakings) with its funder, period and partners; a travelling project's stops as an
 * EventSeries of Events in their districts.
 */
export function projectJsonLd(project: ProjectView, url: string, owner: string) {
  const ld: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'Project',
    name: project.title,
    url,
    ...(project.summary && { description: project.summary }),
    foundingDate: project.period.start,
    ...(project.period.end && { dissolutionDate: project.period.end }),
    parentOrganization: project.museum
      ? { '@type': 'Museum', name: project.museum.name }
      : { '@type': 'Organization', name: owner },
    ...(project.funder && { funder: { '@type': 'Organization', name: project.funder } }),
    ...(project.partners.length > 0 && {
      member: project.partners.map((name) => ({ '@type': 'Organization', name }))
    })
  };
  if (project.stops.length > 0)
    ld.subjectOf = {
      '@type': 'EventSeries',
      name: project.title,
      subEvent: project.stops.map((stop) => ({
        '@type': 'Event',
        name: `${project.title}: ${stop.district}`,
        ...(stop.startsOn && { startDate: stop.startsOn }),
        ...(stop.endsOn && { endDate: stop.endsOn }),
        location: {
          '@type': 'Place',
          name: stop.venue || stop.district,
          address: stop.district,
          ...(stop.position && {
            geo: { '@type': 'GeoCoordinates', ...stop.position }
          })
        }
      }))
    };
  return ld;
}
