import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { MapMarker } from './MuseumMap.svelte';

/** Draws museums as circles (no marker images to fetch); still usable when tiles cannot load. */
export function drawMap(
  element: HTMLElement,
  options: { markers: MapMarker[]; tileUrl: string; attribution: string }
) {
  const map = L.map(element, { scrollWheelZoom: false });
  L.tileLayer(options.tileUrl, { attribution: options.attribution, maxZoom: 18 }).addTo(map);
  const points = options.markers.map((marker) => {
    const point = L.latLng(marker.latitude, marker.longitude);
    const link = document.createElement('a');
    link.href = marker.href;
    link.textContent = marker.title;
    L.circleMarker(point, {
      radius: 8,
      weight: 2,
      color: '#fff',
      fillColor: '#1f4e5f',
      fillOpacity: 0.9,
      dashArray: marker.approximate ? '3 3' : undefined
    })
      .bindPopup(link)
      .bindTooltip(marker.title)
      .addTo(map);
    return point;
  });
  if (points.length === 1) map.setView(points[0]!, 14);
  else map.fitBounds(L.latLngBounds(points), { padding: [24, 24], maxZoom: 12 });
  return map;
}
