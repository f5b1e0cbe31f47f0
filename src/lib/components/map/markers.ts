import { localizeHref } from '$lib/i18n';
import type { MuseumCard } from '$lib/server/museums/directory';
import type { MapMarker } from './MuseumMap.svelte';

export function markersOf(museums: MuseumCard[]): MapMarker[] {
  return museums.flatMap((museum) =>
    museum.position
      ? [
          {
            ...museum.position,
            title: museum.name,
            href: localizeHref(`/museums/${museum.slug}`)
          }
        ]
      : []
  );
}
