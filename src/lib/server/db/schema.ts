import type { ColumnType, Generated } from 'kysely';
import type { Profile } from '$lib/shared/museum';
import type { ExhibitCategory, ExhibitMaterial } from '$lib/shared/exhibit';
import type { AgeRating, EventKind, EventStatus, SessionStatus } from '$lib/shared/event';
import type { DeepZoomTiles, ImageRendition, MediaKind, PanoramaTiles } from '../media/types';

/** What the database holds, as Kysely sees it. Lists are JSON: text on SQLite, jsonb on PostgreSQL. */
type Json<T> = ColumnType<T | string, string, string>;
type Timestamp = ColumnType<string, string | undefined, string>;
type Text = string | null;

export interface Localized {
  ru: string;
  en: string;
}

export interface Phone {
  number: string;
  label?: Localized;
}

export interface DistrictsTable {
  id: Generated<number>;
  slug: string;
  name_ru: string;
  name_en: string;
}

export interface SettlementsTable {
  id: Generated<number>;
  slug: string;
  district_id: number | null;
  name_ru: string;
  name_en: string;
  region_ru: string;
  region_en: string;
  latitude: number | null;
  longitude: number | null;
}

export interface MuseumsTable {
  id: Generated<number>;
  slug: string;
  membership: 'member' | 'partner';
  status: 'active' | 'establishing';
  ownership: 'state' | 'municipal' | 'private' | 'departmental' | 'public_movement';
  profile: Profile;
  name_ru: string;
  name_en: string;
  short_name_ru: Text;
  short_name_en: Text;
  founded_year: number | null;
  founders_ru: Text;
  founders_en: Text;
  director_ru: Text;
  director_en: Text;
  director_title_ru: Text;
  director_title_en: Text;
  settlement_id: number | null;
  address_ru: Text;
  address_en: Text;
  latitude: number | null;
  longitude: number | null;
  time_zone: string;
  phones: Json<Phone[]>;
  emails: Json<string[]>;
  website: Text;
  vk: Text;
  telegram: Text;
  ok: Text;
  hours_rule: Text;
  hours_note_ru: Text;
  hours_note_en: Text;
  accessibility_ru: Text;
  accessibility_en: Text;
  free_admission: Json<Localized[]>;
  summary_ru: Text;
  summary_en: Text;
  about_ru: Text;
  about_en: Text;
  history_ru: Text;
  history_en: Text;
  publication: ColumnType<'draft' | 'published', 'draft' | 'published' | undefined>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MuseumContactPeopleTable {
  id: Generated<number>;
  museum_id: number;
  position: number;
  name_ru: string;
  name_en: string;
  role_ru: Text;
  role_en: Text;
  phone: Text;
  email: Text;
}

export interface PriceOffersTable {
  id: Generated<number>;
  museum_id: number;
  position: number;
  category_ru: string;
  category_en: string;
  kind: 'amount' | 'free' | 'by_agreement';
  amount_rub: number | null;
  conditions_ru: Text;
  conditions_en: Text;
}

export interface NoticesTable {
  id: Generated<number>;
  museum_id: number | null;
  body_ru: string;
  body_en: string;
  valid_from: string | null;
  valid_until: string | null;
  created_at: Timestamp;
}

export interface AssociationTable {
  id: number;
  name_ru: string;
  name_en: string;
  short_name_ru: string;
  short_name_en: string;
  summary_ru: string;
  summary_en: string;
  about_ru: Text;
  about_en: Text;
  goals_ru: Text;
  goals_en: Text;
  founders_ru: Text;
  founders_en: Text;
  founded_on: string | null;
  registered_on: string | null;
  member_towns: Json<Localized[]>;
  address_ru: Text;
  address_en: Text;
  phones: Json<Phone[]>;
  emails: Json<string[]>;
  website: Text;
}

export interface GovernanceRolesTable {
  id: Generated<number>;
  position: number;
  body: 'leadership' | 'council' | 'revision_commission';
  role: string;
  person_ru: string;
  person_en: string;
  affiliation_ru: Text;
  affiliation_en: Text;
}

/** The association profile's short list of its projects (not the versioned `projects`). */
export interface AssociationProjectsTable {
  id: Generated<number>;
  slug: string;
  position: number;
  title_ru: string;
  title_en: string;
  period_ru: Text;
  period_en: Text;
  summary_ru: Text;
  summary_en: Text;
  body_ru: Text;
  body_en: Text;
}

/** Written by better-auth; we only read users (names, e-mails) and count them. */
export interface UsersTable {
  id: string;
  name: string;
  email: string;
  email_verified: ColumnType<boolean | number, boolean | number | undefined, boolean | number>;
  image: Text;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface StaffRolesTable {
  id: Generated<number>;
  user_id: string;
  museum_id: number | null;
  role: 'association_admin' | 'museum_admin' | 'museum_editor';
  publishing: ColumnType<'review' | 'publish', 'review' | 'publish' | undefined>;
  created_at: Timestamp;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  user_id: string | null;
  museum_id: number | null;
  action: string;
  entity: string;
  entity_id: string | null;
  details: Json<Record<string, unknown>> | null;
}

export interface JobsTable {
  id: Generated<number>;
  name: string;
  payload: Json<unknown>;
  status: ColumnType<
    'queued' | 'running' | 'done' | 'failed',
    'queued' | 'running' | 'done' | 'failed' | undefined
  >;
  attempts: ColumnType<number, number | undefined>;
  max_attempts: ColumnType<number, number | undefined>;
  run_at: Timestamp;
  locked_until: string | null;
  last_error: Text;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MailOutboxTable {
  id: Generated<number>;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: Text;
  transport: 'outbox' | 'smtp';
  created_at: Timestamp;
  sent_at: string | null;
  error: Text;
}

export interface MuseumRevisionsTable {
  id: Generated<number>;
  museum_id: number;
  author_id: string | null;
  status: 'draft' | 'review' | 'published' | 'discarded';
  /** A whole MuseumRecord. */
  data: Json<unknown>;
  note: Text;
  created_at: Timestamp;
  updated_at: Timestamp;
  published_at: string | null;
  published_by: string | null;
}

export interface InvitationsTable {
  id: Generated<number>;
  token_hash: string;
  email: string;
  role: 'museum_admin' | 'museum_editor';
  museum_id: number;
  publishing: ColumnType<'review' | 'publish', 'review' | 'publish' | undefined>;
  invited_by: string | null;
  created_at: Timestamp;
  expires_at: string;
  accepted_at: string | null;
}

export interface MediaAssetsTable {
  id: Generated<number>;
  museum_id: number;
  kind: MediaKind;
  status: ColumnType<
    'processing' | 'ready' | 'failed',
    'processing' | 'ready' | 'failed' | undefined
  >;
  file_name: string;
  mime: string;
  /** bigint: PostgreSQL hands it back as a string. */
  bytes: ColumnType<number | string, number, number>;
  original_key: string;
  width: number | null;
  height: number | null;
  alt_ru: Text;
  alt_en: Text;
  caption_ru: Text;
  caption_en: Text;
  credit: Text;
  licence: Text;
  focal_x: number | null;
  focal_y: number | null;
  rendition: Json<ImageRendition> | null;
  tiles: Json<PanoramaTiles> | null;
  deep_zoom: Json<DeepZoomTiles> | null;
  error: Text;
  search_text: ColumnType<string, string | undefined, string>;
  upload_id: Text;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MuseumPhotosTable {
  museum_id: number;
  asset_id: number;
  position: number;
}

export interface ToursTable {
  id: Generated<number>;
  museum_id: number;
  slug: string;
  title_ru: string;
  title_en: string;
  /** The published TourRecord; null until the first publishing. */
  published: Json<unknown> | null;
  published_at: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** Set when staff delete the tour: hidden from visitors, restorable for 30 days. */
  deleted_at: string | null;
  deleted_by: string | null;
}

export interface TourRevisionsTable {
  id: Generated<number>;
  tour_id: number;
  author_id: string | null;
  status: 'draft' | 'review' | 'published' | 'discarded';
  /** A whole TourRecord. */
  data: Json<unknown>;
  note: Text;
  created_at: Timestamp;
  updated_at: Timestamp;
  published_at: string | null;
  published_by: string | null;
}

export interface CollectionsTable {
  id: Generated<number>;
  museum_id: number;
  slug: string;
  title_ru: string;
  title_en: ColumnType<string, string | undefined, string>;
  description_ru: ColumnType<string, string | undefined, string>;
  description_en: ColumnType<string, string | undefined, string>;
  cover_asset_id: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ExhibitsTable {
  id: Generated<number>;
  museum_id: number;
  /** Unique within the museum. */
  inventory_number: string;
  origin: ColumnType<'staff' | 'import' | 'demo', 'staff' | 'import' | 'demo' | undefined>;
  title_ru: string;
  title_en: ColumnType<string, string | undefined, string>;
  /** The published ExhibitRecord; null until the first publishing. */
  published: Json<unknown> | null;
  published_at: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ExhibitRevisionsTable {
  id: Generated<number>;
  exhibit_id: number;
  author_id: string | null;
  status: 'draft' | 'review' | 'published' | 'discarded';
  /** A whole ExhibitRecord. */
  data: Json<unknown>;
  note: Text;
  created_at: Timestamp;
  updated_at: Timestamp;
  published_at: string | null;
  published_by: string | null;
}

/** The files an exhibit's published record and its open version use. */
export interface ExhibitAssetsTable {
  exhibit_id: number;
  asset_id: number;
  version: 'published' | 'open';
}

/** The search index: one row per findable thing (see search/types.ts), written by its owner. */
export interface SearchEntriesTable {
  id: Generated<number>;
  kind: 'museum' | 'exhibit' | 'exhibition' | 'news' | 'event';
  ref_id: number;
  museum_id: number | null;
  path: string;
  title_ru: string;
  title_en: string;
  summary_ru: string;
  summary_en: string;
  body_ru: string;
  body_en: string;
  image_asset_id: number | null;
  has_image: number;
  collection_id: number | null;
  category: ExhibitCategory | null;
  material: ExhibitMaterial | null;
  year_from: number | null;
  year_to: number | null;
  date: string | null;
  sort_title_ru: string;
  sort_title_en: string;
  /** year_from, or 9999 when unknown (last). */
  sort_year: number;
  /** The date as YYYYMMDD, 0 when none. */
  sort_date: number;
  /** PostgreSQL only: the analysed terms, title weighted A and body B. */
  terms: ColumnType<string, string | undefined, string>;
  /** PostgreSQL only: the title's terms, and the others' (those not in the title). */
  title_terms: ColumnType<string, string | undefined, string>;
  body_terms: ColumnType<string, string | undefined, string>;
}

/** SQLite only: the FTS5 table of the analysed terms (rowid = search_entries.id). */
export interface SearchTermsTable {
  rowid: number;
  title: string;
  body: string;
  /** Facet values as words (search/facet-tokens.ts). */
  facets: string;
}

export interface ExhibitionsTable {
  id: Generated<number>;
  /** Null: the association's own exhibition. */
  museum_id: number | null;
  /** Unique per owner. */
  slug: string;
  origin: ColumnType<'staff' | 'demo', 'staff' | 'demo' | undefined>;
  title_ru: string;
  title_en: string;
  /** The published ExhibitionRecord; null until the first publishing. */
  published: Json<unknown> | null;
  published_at: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ExhibitionRevisionsTable {
  id: Generated<number>;
  exhibition_id: number;
  author_id: string | null;
  status: 'draft' | 'review' | 'published' | 'discarded';
  /** A whole ExhibitionRecord. */
  data: Json<unknown>;
  note: Text;
  created_at: Timestamp;
  updated_at: Timestamp;
  published_at: string | null;
  published_by: string | null;
}

export interface NewsTable {
  id: Generated<number>;
  /** Null: the association's own news. */
  museum_id: number | null;
  /** Unique per owner. */
  slug: string;
  origin: ColumnType<'staff' | 'demo', 'staff' | 'demo' | undefined>;
  title_ru: string;
  title_en: string;
  /** The published NewsRecord; null until the first publishing. */
  published: Json<unknown> | null;
  /** '|семинар|seminar|': the published record's tags, lower case, for filtering. */
  tags: ColumnType<string, string | undefined, string>;
  /** First published; kept when a later version is published. */
  published_at: string | null;
  /** Last published. */
  modified_at: string | null;
  /** When the scheduled version goes public (UTC); null when nothing is scheduled. */
  scheduled_at: string | null;
  scheduled_revision_id: number | null;
  /** The scheduled version's updated_at when it was scheduled: a later edit differs. */
  scheduled_stamp: string | null;
  scheduled_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface NewsRevisionsTable {
  id: Generated<number>;
  news_id: number;
  author_id: string | null;
  status: 'draft' | 'review' | 'published' | 'discarded';
  /** A whole NewsRecord. */
  data: Json<unknown>;
  note: Text;
  created_at: Timestamp;
  updated_at: Timestamp;
  published_at: string | null;
  published_by: string | null;
}

export interface ProjectsTable {
  id: Generated<number>;
  /** Null: the association's own project. */
  museum_id: number | null;
  /** Unique per owner. */
  slug: string;
  origin: ColumnType<'staff' | 'demo', 'staff' | 'demo' | undefined>;
  title_ru: string;
  title_en: string;
  /** The published period (ISO dates), for lists and reports. */
  starts_on: string | null;
  ends_on: string | null;
  /** The published ProjectRecord; null until the first publishing. */
  published: Json<unknown> | null;
  published_at: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ProjectRevisionsTable {
  id: Generated<number>;
  project_id: number;
  author_id: string | null;
  status: 'draft' | 'review' | 'published' | 'discarded';
  /** A whole ProjectRecord. */
  data: Json<unknown>;
  note: Text;
  created_at: Timestamp;
  updated_at: Timestamp;
  published_at: string | null;
  published_by: string | null;
}

/** The published itinerary of a project, one row a stop, written on publishing. */
export interface ProjectStopsTable {
  project_id: number;
  key: string;
  position: number;
  district_ru: string;
  district_en: string;
  venue_museum_id: number | null;
  starts_on: string | null;
  ends_on: string | null;
  participants: number | null;
}

/** The events a project held (from its published record). */
export interface ProjectEventsTable {
  project_id: number;
  event_id: number;
}

/** The news that told of a project (from its published record). */
export interface ProjectNewsTable {
  project_id: number;
  news_id: number;
}

/** An inventory file on its way in (exhibits/import). */
export interface ImportsTable {
  id: Generated<number>;
  museum_id: number;
  created_by: string | null;
  /** Who pressed "import": their rights decide whether rows are published or wait for review. */
  run_by: string | null;
  status: 'mapping' | 'previewed' | 'queued' | 'running' | 'done' | 'failed';
  mode: 'publish' | 'review' | null;
  file_name: string;
  source_key: string;
  format: 'csv' | 'xlsx';
  encoding: string | null;
  images_key: string | null;
  images_name: string | null;
  /** The file's header row. */
  headers: Json<string[]>;
  /** Per column, the field it is read as ('' for none). */
  mapping: Json<string[]>;
  total_rows: ColumnType<number, number | undefined, number>;
  /** Rows the job has passed (progress); they are skipped when it runs again. */
  processed_rows: ColumnType<number, number | undefined, number>;
  /** The line of the last row the job has passed. */
  last_line: ColumnType<number, number | undefined, number>;
  counts: Json<Record<string, number>> | null;
  error: Text;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** What one row of an import will do (preview) or did (report). */
export interface ImportRowsTable {
  import_id: number;
  line: number;
  inventory_number: string;
  title: string;
  outcome: 'new' | 'changed' | 'unchanged' | 'invalid';
  /** The fields that change. */
  changes: Json<string[]>;
  /** Errors and warnings: { level, field, message: { ru, en } }[]. */
  issues: Json<unknown[]>;
  warnings: ColumnType<number, number | undefined, number>;
  exhibit_id: number | null;
}

export interface EventsTable {
  id: Generated<number>;
  /** Null: the association's own event. */
  museum_id: number | null;
  /** Unique per owner. */
  slug: string;
  origin: ColumnType<'staff' | 'demo', 'staff' | 'demo' | undefined>;
  title_ru: string;
  title_en: string;
  /** The published EventRecord; null until the first publishing. */
  published: Json<unknown> | null;
  published_at: string | null;
  // The calendar's filters, set from the published record.
  kind: EventKind | null;
  age_rating: AgeRating | null;
  /** 1: free admission. */
  free: ColumnType<number, number | undefined, number>;
  pushkin_card: ColumnType<number, number | undefined, number>;
  for_schools: ColumnType<number, number | undefined, number>;
  settlement_id: number | null;
  district_id: number | null;
  /** The member museum it takes place at; null for a free address. */
  venue_museum_id: number | null;
  status: EventStatus | null;
  /** The zone its wall-clock times were entered in. */
  time_zone: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export interface EventRevisionsTable {
  id: Generated<number>;
  event_id: number;
  author_id: string | null;
  status: 'draft' | 'review' | 'published' | 'discarded';
  /** A whole EventRecord. */
  data: Json<unknown>;
  note: Text;
  created_at: Timestamp;
  updated_at: Timestamp;
  published_at: string | null;
  published_by: string | null;
}
/** One session of a published event; the id stays while its time moves (matched by key). */
export interface EventSessionsTable {
  id: Generated<number>;
  event_id: number;
  key: string;
  /** UTC instants. */
  starts_at: string;
  ends_at: string | null;
  all_day: ColumnType<number, number | undefined, number>;
  /** Places for registration; null: no registration. */
  capacity: number | null;
  registration_deadline: string | null;
  status: ColumnType<SessionStatus, SessionStatus | undefined, SessionStatus>;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export type RegistrationStatus = 'confirmed' | 'waitlisted' | 'cancelled';

/** One person's or one group's registration for an event session. */
export interface RegistrationsTable {
  id: Generated<number>;
  session_id: number;
  event_id: number;
  /** Confirmed people never exceed the session's capacity; the waitlist is in id order. */
  status: RegistrationStatus;
  people: number;
  name: string;
  /** Lower case: one live registration per e-mail and session. */
  email: string;
  phone: string;
  school: string | null;
  class_name: string | null;
  /** The event's custom questions as asked, with the answers: { question, answer }[]. */
  answers: Json<{ question: string; answer: string }[]>;
  /** The registrant's language: their mails are written in it. */
  locale: 'ru' | 'en';
  /** The consent to personal-data processing (152-FZ) as shown when they agreed. */
  consent_text: string;
  /** SHA-256 of the cancel link's token (hex); the token itself is only in their mail. */
  cancel_token_hash: string;
  /** 1 when staff marked them present; reports count it. */
  attended: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
  confirmed_at: string | null;
  cancelled_at: string | null;
  cancelled_by: 'visitor' | 'staff' | 'event' | null;
  reminded_at: string | null;
}

/** The association's single row of registration settings. */
export interface RegistrationSettingsTable {
  id: number;
  consent_ru: string;
  consent_en: string;
  updated_at: Timestamp;
}

export interface DB {
  districts: DistrictsTable;
  settlements: SettlementsTable;
  museums: MuseumsTable;
  museum_contact_people: MuseumContactPeopleTable;
  price_offers: PriceOffersTable;
  notices: NoticesTable;
  association: AssociationTable;
  governance_roles: GovernanceRolesTable;
  association_projects: AssociationProjectsTable;
  users: UsersTable;
  staff_roles: StaffRolesTable;
  audit_log: AuditLogTable;
  museum_revisions: MuseumRevisionsTable;
  invitations: InvitationsTable;
  jobs: JobsTable;
  mail_outbox: MailOutboxTable;
  media_assets: MediaAssetsTable;
  museum_photos: MuseumPhotosTable;
  tours: ToursTable;
  tour_revisions: TourRevisionsTable;
  collections: CollectionsTable;
  exhibits: ExhibitsTable;
  exhibit_revisions: ExhibitRevisionsTable;
  exhibit_assets: ExhibitAssetsTable;
  exhibitions: ExhibitionsTable;
  exhibition_revisions: ExhibitionRevisionsTable;
  projects: ProjectsTable;
  project_revisions: ProjectRevisionsTable;
  project_stops: ProjectStopsTable;
  project_events: ProjectEventsTable;
  project_news: ProjectNewsTable;
  search_entries: SearchEntriesTable;
  search_terms: SearchTermsTable;
  imports: ImportsTable;
  import_rows: ImportRowsTable;
  events: EventsTable;
  event_revisions: EventRevisionsTable;
  event_sessions: EventSessionsTable;
  registrations: RegistrationsTable;
  registration_settings: RegistrationSettingsTable;
  news: NewsTable;
  news_revisions: NewsRevisionsTable;
}
