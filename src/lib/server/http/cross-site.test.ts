import { describe, expect, it } from 'vitest';
import { isForbiddenCrossSiteForm } from './cross-site';

const site = 'https://kraeved.example';
const post = (path: string, headers: Record<string, string>, method = 'POST') => {
  const url = new URL(path, site);
  return isForbiddenCrossSiteForm(new Request(url, { method, headers, body: 'a=1' }), url);
};
const form = { 'content-type': 'application/x-www-form-urlencoded' };

describe('isForbiddenCrossSiteForm', () => {
  it('refuses a form posted from another site or from nowhere, as SvelteKit does', () => {
    expect(post('/admin/login', { ...form, origin: 'https://evil.example' })).toBe(true);
    expect(post('/admin/login', form)).toBe(true);
    expect(post('/reading', { 'content-type': 'multipart/form-data; boundary=x' })).toBe(true);
    expect(post('/reading', { 'content-type': 'Text/Plain;charset=utf-8' })).toBe(true);
    expect(post('/admin/x', { ...form, origin: 'https://evil.example' }, 'DELETE')).toBe(true);
  });

  it('lets the site’s own forms and non-form bodies through', () => {
    expect(post('/admin/login', { ...form, origin: site })).toBe(false);
    expect(post('/api/v1/x', { 'content-type': 'application/json' })).toBe(false);
  });

  it('lets an OAI-PMH harvester post its request from anywhere', () => {
    expect(post('/oai', form)).toBe(false);
    expect(post('/oai', { ...form, origin: 'https://harvester.example' })).toBe(false);
    expect(post('/oai/more', form)).toBe(true);
  });
});
