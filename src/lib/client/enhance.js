// Progressive enhancement for the visitor pages, which ship no framework code. Plain
// JavaScript with no imports: it is served as it is. Without it every page still works.
// @ts-check

/**
 * @typedef {{ latitude: number, longitude: number, title: string, href: string, approximate: boolean }} Marker
 * @typedef {{ map: Function, tileLayer: Function, circleMarker: Function, latLng: Function, latLngBounds: Function }} Leaflet
 */

/** @type {Promise<Leaflet> | null} */
let leaflet = null;

/** Leaflet and its stylesheet come only when a map is actually shown. @param {HTMLElement} box */
function loadLeaflet(box) {
  leaflet ??= new Promise((resolve, reject) => {
    const css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = box.dataset.leafletCss ?? '';
    document.head.append(css);
    const script = document.createElement('script');
    script.src = box.dataset.leafletJs ?? '';
    script.onload = () => resolve(/** @type {any} */ (window).L);
    script.onerror = reject;
    document.head.append(script);
  });
  return leaflet;
}

/** @param {HTMLElement} box */
async function drawMap(box) {
  if (box.dataset.drawn) return;
  box.dataset.drawn = '1';
  box.querySelector('.map-show')?.remove();
  const L = await loadLeaflet(box);
  const target = /** @type {HTMLElement} */ (box.querySelector('.map'));
  /** @type {Marker[]} */
  const markers = JSON.parse(box.dataset.markers ?? '[]');
  const map = L.map(target, { scrollWheelZoom: false });
  L.tileLayer(box.dataset.tileUrl, { attribution: box.dataset.attribution, maxZoom: 18 }).addTo(
    map
  );
  const points = markers.map((marker) => {
    const point = L.latLng(marker.latitude, marker.longitude);
    const link = document.createElement('a');
    link.href = marker.href;
    link.textContent = marker.title;
    // Circles, not marker images: nothing more to download.
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
  if (points.length === 1) map.setView(points[0], 13);
  else map.fitBounds(L.latLngBounds(points), { padding: [24, 24], maxZoom: 12 });
}

function enhanceMaps() {
  /** @type {NodeListOf<HTMLElement>} */
  const boxes = document.querySelectorAll('[data-map]');
  const observer =
    'IntersectionObserver' in window
      ? new IntersectionObserver((entries) => {
          for (const entry of entries) {
            if (!entry.isIntersecting) continue;
            observer?.unobserve(entry.target);
            void drawMap(/** @type {HTMLElement} */ (entry.target));
          }
        })
      : null;
  for (const box of boxes) {
    box.hidden = false;
    box.querySelector('.map-show')?.addEventListener('click', () => void drawMap(box));
    if (box.dataset.load === 'visible') {
      if (observer) observer.observe(box);
      else void drawMap(box);
    }
  }
}

/** "Show the nearest to me": fills the hidden position field and sorts by distance. */
function enhanceNearMe() {
  /** @type {HTMLButtonElement | null} */
  const button = document.querySelector('[data-near-me]');
  if (!button || !('geolocation' in navigator)) return;
  const form = button.form;
  const status = /** @type {HTMLElement | null} */ (
    document.querySelector('[data-near-me-status]')
  );
  button.hidden = false;
  button.addEventListener('click', () => {
    button.disabled = true;
    navigator.geolocation.getCurrentPosition(
      (position) => {
        if (!form) return;
        const near = /** @type {HTMLInputElement} */ (form.elements.namedItem('near'));
        const sort = /** @type {HTMLSelectElement} */ (form.elements.namedItem('sort'));
        near.value = `${position.coords.latitude.toFixed(3)},${position.coords.longitude.toFixed(3)}`;
        sort.value = 'distance';
        form.requestSubmit();
      },
      () => {
        button.disabled = false;
        if (status) status.hidden = false;
      },
      { timeout: 10_000, maximumAge: 600_000 }
    );
  });
}

/**
 * The registration form posts in place: the answer page's box (the result, or the form again
 * with its messages) replaces this one, without leaving the event's page. Any failure on the
 * way falls back to the ordinary post.
 */
function enhanceRegistration() {
  /** @type {HTMLFormElement | null} */
  const form = document.querySelector('form[data-registration-form]');
  if (!form || !('fetch' in window) || !('DOMParser' in window)) return;
  const box = form.closest('[data-registration]');
  if (!box) return;
  /** @param {SubmitEvent} event */
  const submit = async (event) => {
    event.preventDefault();
    const button = /** @type {HTMLButtonElement | null} */ (
      form.querySelector('button[type=submit]')
    );
    if (button) button.disabled = true;
    try {
      const response = await fetch(form.action, {
        method: 'POST',
        body: new FormData(form),
        headers: { accept: 'text/html' }
      });
      const page = new DOMParser().parseFromString(await response.text(), 'text/html');
      const answer = page.querySelector('[data-registration]');
      if (!answer) throw new Error('no answer');
      // Inside the event page the box has no heading of its own; the answer page's box has one.
      if (!box.querySelector('#registration-title'))
        answer.querySelector('#registration-title')?.remove();
      box.replaceChildren(...answer.childNodes);
      enhanceRegistration();
      /** @type {HTMLElement | null} */ (box.querySelector('[data-registration-answer]'))?.focus();
    } catch {
      form.submit();
    }
  };
  form.addEventListener('submit', (event) => void submit(event));
}

enhanceMaps();
enhanceNearMe();
enhanceRegistration();
