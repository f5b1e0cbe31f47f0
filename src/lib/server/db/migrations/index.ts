import type { KraevedMigration } from './types';
import * as museums from './2026-11-22T1400-museums';
import * as jobs from './2026-11-22T1500-jobs';
import * as staff from './2026-11-22T1600-staff';
import * as revisions from './2026-11-22T1700-revisions';
import * as invitations from './2026-11-22T1800-invitations';
import * as media from './2026-11-22T1900-media';
import * as oneOpenRevision from './2026-11-22T2000-one-open-revision';
import * as tours from './2026-11-22T2100-tours';
import * as exhibits from './2026-11-22T2200-exhibits';
import * as deepZoom from './2026-11-22T2300-deep-zoom';
import * as search from './2026-11-23T0100-search';
import * as exhibitions from './2026-11-23T0230-exhibitions';
import * as deletedTours from './2026-11-23T0320-deleted-tours';
import * as imports from './2026-11-23T0400-imports';
import * as events from './2026-11-23T0500-events';
import * as registrations from './2026-11-23T0510-registrations';
import * as news from './2026-11-23T0520-news';
import * as projects from './2026-11-23T0530-projects';
import * as searchReindex from './2026-11-23T0600-search-reindex';
import * as searchTitleTerms from './2026-11-23T0610-search-title-terms';
import * as searchFacetWords from './2026-11-23T0620-search-facet-words';

/** Every migration in order. Never edit one that has landed; add a new one. */
export const migrations: Record<string, KraevedMigration> = {
  '2026-11-22T1400-museums': museums,
  '2026-11-22T1500-jobs': jobs,
  '2026-11-22T1600-staff': staff,
  '2026-11-22T1700-revisions': revisions,
  '2026-11-22T1800-invitations': invitations,
  '2026-11-22T1900-media': media,
  '2026-11-22T2000-one-open-revision': oneOpenRevision,
  '2026-11-22T2100-tours': tours,
  '2026-11-22T2200-exhibits': exhibits,
  '2026-11-22T2300-deep-zoom': deepZoom,
  '2026-11-23T0100-search': search,
  '2026-11-23T0230-exhibitions': exhibitions,
  '2026-11-23T0320-deleted-tours': deletedTours,
  '2026-11-23T0400-imports': imports,
  '2026-11-23T0500-events': events,
  '2026-11-23T0510-registrations': registrations,
  '2026-11-23T0520-news': news,
  '2026-11-23T0530-projects': projects,
  '2026-11-23T0600-search-reindex': searchReindex,
  '2026-11-23T0610-search-title-terms': searchTitleTerms,
  '2026-11-23T0620-search-facet-words': searchFacetWords
};
