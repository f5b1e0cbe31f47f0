import type { Page } from 'playwright-core';

/** A IIIF tile request's region width and drawn width; null for info.json and whole sizes. */
export function tileOf(url: string): { regionWidth: number; width: number } | null {
  const match = /\/iiif\/3\/\d+\/\d+,\d+,(\d+),\d+\/(\d+),\d+\/0\/default\.jpg$/.exec(url);
  return match ? { regionWidth: Number(match[1]), width: Number(match[2]) } : null;
}

/** Full-resolution tiles: one image pixel to one tile pixel, the deepest level. */
export const deepest = (urls: string[]) =>
  urls.map(tileOf).filter((t) => t !== null && t.regionWidth === t.width);

/** Every /iiif/ request the page makes from now on, and every one answered with an error. */
export function iiifTraffic(page: Page) {
  const requests: string[] = [];
  const failures: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/iiif/3/')) requests.push(request.url());
  });
  page.on('response', (response) => {
    if (response.url().includes('/iiif/3/') && response.status() >= 400)
      failures.push(`${response.status()} ${response.url()}`);
  });
  return { requests, failures };
}
