import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MuseumRepository } from '$lib/server/museums/repository';
import { MuseumCatalogue } from '$lib/server/museums/catalogue';
import { MuseumEditor } from '$lib/server/museums/editor';
import { RevisionRepository } from '$lib/server/museums/revisions';
import { StaffRepository } from '$lib/server/auth/staff-repository';
import { NotFoundOrForbidden, type Actor, type Grant } from '$lib/server/auth/access';
import type { StaffAccounts } from '$lib/server/auth/accounts';
import type { MuseumRecord } from '$lib/shared/museum';
import { associationInput, placeInput } from '$lib/shared/association';
import { AssociationRepository } from '$lib/server/association/repository';
import { AssociationEditor } from '$lib/server/association/editor';
import { dialects, freshDatabase, type TestDatabase } from './databases';
import {
  newAuth,
  newExhibit,
  newMuseum,
  newStaffMember,
  testAssociation,
  testPlaces
} from './factories';
import { Team } from '$lib/server/auth/team';
import { AuditLog } from '$lib/server/auth/audit-log';
import { JobOverview } from '$lib/server/jobs/overview';
import { JobQueue } from '$lib/server/jobs/queue';
import { JobRepository } from '$lib/server/jobs/repository';
import fs from 'node:fs/promises';
import { buffer } from 'node:stream/consumers';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { MediaLibrary } from '$lib/server/media/library';
import { MediaRepository } from '$lib/server/media/repository';
import { museumPhotoUsages } from '$lib/server/museums/media-usages';
import { createStorage, type Storage } from '$lib/server/storage';
import { TourEditor } from '$lib/server/tours/editor';
import { TourRepository } from '$lib/server/tours/repository';
import { ExhibitionEditor } from '$lib/server/exhibitions/editor';
import { ExhibitionRepository } from '$lib/server/exhibitions/repository';
import type { ExhibitionInput } from '$lib/shared/exhibition';
import { EventEditor } from '$lib/server/events/editor';
import { EventRepository } from '$lib/server/events/repository';
import type { EventInput } from '$lib/shared/event';
import { ProjectEditor } from '$lib/server/projects/editor';
import { ProjectRepository } from '$lib/server/projects/repository';
import { Reports } from '$lib/server/reports/service';
import { ReportRepository } from '$lib/server/reports/repository';
import type { ProjectInput } from '$lib/shared/project';
import { Registrations } from '$lib/server/registrations/service';
import { RegistrationRepository } from '$lib/server/registrations/repository';
import { RegistrationSessionRepository } from '$lib/server/registrations/session-repository';
import { Mailer } from '$lib/server/mail/mailer';
import { MailRepository } from '$lib/server/mail/repository';
import { RateLimit } from '$lib/server/http/rate-limit';
import { ExhibitEditor } from '$lib/server/exhibits/editor';
import { NewsEditor } from '$lib/server/news/editor';
import { NewsRepository } from '$lib/server/news/repository';
import type { NewsInput } from '$lib/shared/news';
import { ExhibitRepository } from '$lib/server/exhibits/repository';
import { ExhibitImporter } from '$lib/server/exhibits/import/importer';
import { ImportRepository } from '$lib/server/exhibits/import/repository';
import { ExhibitExport } from '$lib/server/exhibits/import/export';

/**
 * The role matrix through the services themselves, on both dialects: every service action that
 * reads private data or changes anything × every role × own museum / another museum.
 * Y = allowed, - = "not found or no access". Columns: own museum, other museum.
 */
const expected: Record<string, Record<string, string>> = {
  'read drafts': {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': 'Y-',
    'editor (may publish)': 'Y-',
    'no role': '--'
  },
  'read history': {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': 'Y-',
    'editor (may publish)': 'Y-',
    'no role': '--'
  },
  'save a draft': {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': 'Y-',
    'editor (may publish)': 'Y-',
    'no role': '--'
  },
  'submit for review': {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': 'Y-',
    'editor (may publish)': 'Y-',
    'no role': '--'
  },
  publish: {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': '--',
    'editor (may publish)': 'Y-',
    'no role': '--'
  },
  'approve a submitted version': {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': '--',
    'editor (may publish)': '--',
    'no role': '--'
  },
  'invite an editor': {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': '--',
    'editor (may publish)': '--',
    'no role': '--'
  },
  'invite a museum admin': {
    'association admin': 'YY',
    'museum admin': '--',
    'editor (review)': '--',
    'editor (may publish)': '--',
    'no role': '--'
  },
  'list the team': {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': 'Y-',
    'editor (may publish)': 'Y-',
    'no role': '--'
  },
  'make an editor an admin': {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': '--',
    'editor (may publish)': '--',
    'no role': '--'
  },
  'let an editor publish without review': {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': '--',
    'editor (may publish)': '--',
    'no role': '--'
  },
  "remove someone's access": {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': '--',
    'editor (may publish)': '--',
    'no role': '--'
  },
  'revoke an invitation': {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': '--',
    'editor (may publish)': '--',
    'no role': '--'
  },
  'read the change log': {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': '--',
    'editor (may publish)': '--',
    'no role': '--'
  },
  'list the media library': {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': 'Y-',
    'editor (may publish)': 'Y-',
    'no role': '--'
  },
  'upload a file': {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': 'Y-',
    'editor (may publish)': 'Y-',
    'no role': '--'
  },
  'describe a file': {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': 'Y-',
    'editor (may publish)': 'Y-',
    'no role': '--'
  },
  'retry processing a file': {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': 'Y-',
    'editor (may publish)': 'Y-',
    'no role': '--'
  },
  'delete a file': {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': 'Y-',
    'editor (may publish)': 'Y-',
    'no role': '--'
  },
  'list tours': {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': 'Y-',
    'editor (may publish)': 'Y-',
    'no role': '--'
  },
  'create a tour': {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': 'Y-',
    'editor (may publish)': 'Y-',
    'no role': '--'
  },
  'open a tour': {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': 'Y-',
    'editor (may publish)': 'Y-',
    'no role': '--'
  },
  "read a tour's history": {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': 'Y-',
    'editor (may publish)': 'Y-',
    'no role': '--'
  },
  'save a tour draft': {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': 'Y-',
    'editor (may publish)': 'Y-',
    'no role': '--'
  },
  'submit a tour for review': {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': 'Y-',
    'editor (may publish)': 'Y-',
    'no role': '--'
  },
  'publish a tour': {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': '--',
    'editor (may publish)': 'Y-',
    'no role': '--'
  },
  'approve a submitted tour': {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': '--',
    'editor (may publish)': '--',
    'no role': '--'
  },
  'send a tour back': {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': '--',
    'editor (may publish)': '--',
    'no role': '--'
  },
  'delete a tour': {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': '--',
    'editor (may publish)': 'Y-',
    'no role': '--'
  },
  'list deleted tours': {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': 'Y-',
    'editor (may publish)': 'Y-',
    'no role': '--'
  },
  'restore a deleted tour': {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': '--',
    'editor (may publish)': 'Y-',
    'no role': '--'
  },
  "restore a tour's past version": {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': 'Y-',
    'editor (may publish)': 'Y-',
    'no role': '--'
  },
  'list exhibits': {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': 'Y-',
    'editor (may publish)': 'Y-',
    'no role': '--'
  },
  'create an exhibit': {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': 'Y-',
    'editor (may publish)': 'Y-',
    'no role': '--'
  },
  'open an exhibit': {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': 'Y-',
    'editor (may publish)': 'Y-',
    'no role': '--'
  },
  "read an exhibit's history": {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': 'Y-',
    'editor (may publish)': 'Y-',
    'no role': '--'
  },
  'find exhibits by inventory number': {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': 'Y-',
    'editor (may publish)': 'Y-',
    'no role': '--'
  },
  'save an exhibit draft': {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': 'Y-',
    'editor (may publish)': 'Y-',
    'no role': '--'
  },
  'submit an exhibit for review': {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': 'Y-',
    'editor (may publish)': 'Y-',
    'no role': '--'
  },
  'publish an exhibit': {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': '--',
    'editor (may publish)': 'Y-',
    'no role': '--'
  },
  'approve a submitted exhibit': {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': '--',
    'editor (may publish)': '--',
    'no role': '--'
  },
  'send an exhibit back': {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': '--',
    'editor (may publish)': '--',
    'no role': '--'
  },
  'list collections': {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': 'Y-',
    'editor (may publish)': 'Y-',
    'no role': '--'
  },
  'save a collection': {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': 'Y-',
    'editor (may publish)': 'Y-',
    'no role': '--'
  },
  'stage an inventory import': {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': 'Y-',
    'editor (may publish)': 'Y-',
    'no role': '--'
  },
  'preview an inventory import': {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': 'Y-',
    'editor (may publish)': 'Y-',
    'no role': '--'
  },
  'start an inventory import': {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': 'Y-',
    'editor (may publish)': 'Y-',
    'no role': '--'
  },
  'cancel an inventory import': {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': 'Y-',
    'editor (may publish)': 'Y-',
    'no role': '--'
  },
  'export exhibits': {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': 'Y-',
    'editor (may publish)': 'Y-',
    'no role': '--'
  },
  "restore an exhibit's past version": {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': 'Y-',
    'editor (may publish)': 'Y-',
    'no role': '--'
  },
  'list exhibitions': {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': 'Y-',
    'editor (may publish)': 'Y-',
    'no role': '--'
  },
  'create an exhibition': {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': 'Y-',
    'editor (may publish)': 'Y-',
    'no role': '--'
  },
  'open an exhibition': {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': 'Y-',
    'editor (may publish)': 'Y-',
    'no role': '--'
  },
  "read an exhibition's history": {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': 'Y-',
    'editor (may publish)': 'Y-',
    'no role': '--'
  },
  'save an exhibition draft': {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': 'Y-',
    'editor (may publish)': 'Y-',
    'no role': '--'
  },
  'submit an exhibition for review': {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': 'Y-',
    'editor (may publish)': 'Y-',
    'no role': '--'
  },
  'publish an exhibition': {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': '--',
    'editor (may publish)': 'Y-',
    'no role': '--'
  },
  'approve a submitted exhibition': {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': '--',
    'editor (may publish)': '--',
    'no role': '--'
  },
  'send an exhibition back': {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': '--',
    'editor (may publish)': '--',
    'no role': '--'
  },
  'list projects': {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': 'Y-',
    'editor (may publish)': 'Y-',
    'no role': '--'
  },
  'create a project': {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': 'Y-',
    'editor (may publish)': 'Y-',
    'no role': '--'
  },
  'open a project': {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': 'Y-',
    'editor (may publish)': 'Y-',
    'no role': '--'
  },
  'save a project draft': {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': 'Y-',
    'editor (may publish)': 'Y-',
    'no role': '--'
  },
  'publish a project': {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': '--',
    'editor (may publish)': 'Y-',
    'no role': '--'
  },
  'approve a submitted project': {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': '--',
    'editor (may publish)': '--',
    'no role': '--'
  },
  "read a museum's report": {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': 'Y-',
    'editor (may publish)': 'Y-',
    'no role': '--'
  },
  "restore an exhibition's past version": {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': 'Y-',
    'editor (may publish)': 'Y-',
    'no role': '--'
  },
  'list events': {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': 'Y-',
    'editor (may publish)': 'Y-',
    'no role': '--'
  },
  'create an event': {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': 'Y-',
    'editor (may publish)': 'Y-',
    'no role': '--'
  },
  'open an event': {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': 'Y-',
    'editor (may publish)': 'Y-',
    'no role': '--'
  },
  "read an event's history": {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': 'Y-',
    'editor (may publish)': 'Y-',
    'no role': '--'
  },
  'save an event draft': {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': 'Y-',
    'editor (may publish)': 'Y-',
    'no role': '--'
  },
  'submit an event for review': {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': 'Y-',
    'editor (may publish)': 'Y-',
    'no role': '--'
  },
  'publish an event': {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': '--',
    'editor (may publish)': 'Y-',
    'no role': '--'
  },
  'approve a submitted event': {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': '--',
    'editor (may publish)': '--',
    'no role': '--'
  },
  'send an event back': {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': '--',
    'editor (may publish)': '--',
    'no role': '--'
  },
  "read an event's registrants": {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': 'Y-',
    'editor (may publish)': 'Y-',
    'no role': '--'
  },
  'export registrants': {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': 'Y-',
    'editor (may publish)': 'Y-',
    'no role': '--'
  },
  'mark attendance': {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': 'Y-',
    'editor (may publish)': 'Y-',
    'no role': '--'
  },
  'cancel a registration': {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': 'Y-',
    'editor (may publish)': 'Y-',
    'no role': '--'
  },
  'write to everyone registered': {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': 'Y-',
    'editor (may publish)': 'Y-',
    'no role': '--'
  },
  "see a museum's events with registration": {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': 'Y-',
    'editor (may publish)': 'Y-',
    'no role': '--'
  },
  'list news': {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': 'Y-',
    'editor (may publish)': 'Y-',
    'no role': '--'
  },
  'create news': {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': 'Y-',
    'editor (may publish)': 'Y-',
    'no role': '--'
  },
  'open news': {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': 'Y-',
    'editor (may publish)': 'Y-',
    'no role': '--'
  },
  'save a news draft': {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': 'Y-',
    'editor (may publish)': 'Y-',
    'no role': '--'
  },
  'publish news': {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': '--',
    'editor (may publish)': 'Y-',
    'no role': '--'
  },
  'schedule news': {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': '--',
    'editor (may publish)': 'Y-',
    'no role': '--'
  },
  'cancel a news schedule': {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': '--',
    'editor (may publish)': 'Y-',
    'no role': '--'
  },
  'approve submitted news': {
    'association admin': 'YY',
    'museum admin': 'Y-',
    'editor (review)': '--',
    'editor (may publish)': '--',
    'no role': '--'
  }
};

/** Actions on the association as a whole: one column. */
const expectedForAssociation: Record<string, Record<string, string>> = {
  'list all staff': {
    'association admin': 'Y',
    'museum admin': '-',
    'editor (review)': '-',
    'editor (may publish)': '-',
    'no role': '-'
  },
  'see background jobs': {
    'association admin': 'Y',
    'museum admin': '-',
    'editor (review)': '-',
    'editor (may publish)': '-',
    'no role': '-'
  },
  'retry a failed job': {
    'association admin': 'Y',
    'museum admin': '-',
    'editor (review)': '-',
    'editor (may publish)': '-',
    'no role': '-'
  },
  "open the association's form": {
    'association admin': 'Y',
    'museum admin': '-',
    'editor (review)': '-',
    'editor (may publish)': '-',
    'no role': '-'
  },
  'edit the association': {
    'association admin': 'Y',
    'museum admin': '-',
    'editor (review)': '-',
    'editor (may publish)': '-',
    'no role': '-'
  },
  "list the association's exhibitions": {
    'association admin': 'Y',
    'museum admin': '-',
    'editor (review)': '-',
    'editor (may publish)': '-',
    'no role': '-'
  },
  'create an exhibition of the association': {
    'association admin': 'Y',
    'museum admin': '-',
    'editor (review)': '-',
    'editor (may publish)': '-',
    'no role': '-'
  },
  "publish the association's exhibition": {
    'association admin': 'Y',
    'museum admin': '-',
    'editor (review)': '-',
    'editor (may publish)': '-',
    'no role': '-'
  },
  "list the association's projects": {
    'association admin': 'Y',
    'museum admin': '-',
    'editor (review)': '-',
    'editor (may publish)': '-',
    'no role': '-'
  },
  "publish the association's project": {
    'association admin': 'Y',
    'museum admin': '-',
    'editor (review)': '-',
    'editor (may publish)': '-',
    'no role': '-'
  },
  "read the association's report": {
    'association admin': 'Y',
    'museum admin': '-',
    'editor (review)': '-',
    'editor (may publish)': '-',
    'no role': '-'
  },
  "list the association's events": {
    'association admin': 'Y',
    'museum admin': '-',
    'editor (review)': '-',
    'editor (may publish)': '-',
    'no role': '-'
  },
  'create an event of the association': {
    'association admin': 'Y',
    'museum admin': '-',
    'editor (review)': '-',
    'editor (may publish)': '-',
    'no role': '-'
  },
  "publish the association's event": {
    'association admin': 'Y',
    'museum admin': '-',
    'editor (review)': '-',
    'editor (may publish)': '-',
    'no role': '-'
  },
  "read the registrants of the association's event": {
    'association admin': 'Y',
    'museum admin': '-',
    'editor (review)': '-',
    'editor (may publish)': '-',
    'no role': '-'
  },
  'edit the consent text': {
    'association admin': 'Y',
    'museum admin': '-',
    'editor (review)': '-',
    'editor (may publish)': '-',
    'no role': '-'
  },
  "list the association's news": {
    'association admin': 'Y',
    'museum admin': '-',
    'editor (review)': '-',
    'editor (may publish)': '-',
    'no role': '-'
  },
  "publish the association's news": {
    'association admin': 'Y',
    'museum admin': '-',
    'editor (review)': '-',
    'editor (may publish)': '-',
    'no role': '-'
  },
  "schedule the association's news": {
    'association admin': 'Y',
    'museum admin': '-',
    'editor (review)': '-',
    'editor (may publish)': '-',
    'no role': '-'
  }
};

describe.each(dialects)('the role matrix through the services on %s', (dialect) => {
  let test: TestDatabase;
  let editor: MuseumEditor;
  let accounts: StaffAccounts;
  let users: Record<string, Actor>;
  let museums: { own: number; other: number };
  let records: { own: MuseumRecord; other: MuseumRecord };
  let team: Team;
  let audit: AuditLog;
  let jobs: JobOverview;
  let associationEditor: AssociationEditor;
  let media: MediaLibrary;
  let storage: Storage;
  let mediaDir: string;
  let photo: string;
  let tours: TourEditor;
  let exhibitions: ExhibitionEditor;
  let news: NewsEditor;
  let events: EventEditor;
  let projects: ProjectEditor;
  let reports: Reports;
  let registrations: Registrations;
  let exhibits: ExhibitEditor;
  let importer: ExhibitImporter;
  let exporter: ExhibitExport;
  let inventory: string;

  beforeAll(async () => {
    test = await freshDatabase(dialect);
    const db = test.database.db;
    const museumRepository = new MuseumRepository(db);
    await museumRepository.upsertPlaces(placeInput.parse(testPlaces));
    const catalogue = new MuseumCatalogue(museumRepository);
    const own = await catalogue.create(newMuseum());
    const other = await catalogue.create(newMuseum());
    if (!own.ok || !other.ok) throw new Error('test museums refused');
    museums = { own: own.id, other: other.id };
    const staff = new StaffRepository(db);
    editor = new MuseumEditor(
      museumRepository,
      new RevisionRepository(db),
      staff,
      () => new Date()
    );
    accounts = newAuth(test.database).accounts;
    const associationRepository = new AssociationRepository(db);
    await associationRepository.save(associationInput.parse(testAssociation));
    associationEditor = new AssociationEditor(associationRepository, staff);
    team = new Team(staff, museumRepository, () => new Date());
    audit = new AuditLog(staff, museumRepository, () => new Date());
    jobs = new JobOverview(
      new JobQueue(new JobRepository(db, test.database.dialect), () => new Date()),
      staff
    );
    const grants: Record<string, Grant[]> = {
      'association admin': [{ role: 'association_admin', museumId: null, publishing: 'publish' }],
      'museum admin': [{ role: 'museum_admin', museumId: own.id, publishing: 'publish' }],
      'editor (review)': [{ role: 'museum_editor', museumId: own.id, publishing: 'review' }],
      'editor (may publish)': [{ role: 'museum_editor', museumId: own.id, publishing: 'publish' }],
      'no role': []
    };
    users = {};
    for (const [person, personGrants] of Object.entries(grants)) {
      const id = person.replace(/\W+/g, '-');
      await db
        .insertInto('users')
        .values({ id, name: person, email: `${id}@museum.ru`, email_verified: 1 })
        .execute();
      users[person] = { userId: id, grants: personGrants };
    }
    mediaDir = await fs.mkdtemp(path.join(os.tmpdir(), 'kraeved-matrix-media-'));
    storage = await createStorage({ kind: 'disk', root: path.join(mediaDir, 'store') });
    media = new MediaLibrary({
      repository: new MediaRepository(db),
      storage,
      queue: new JobQueue(new JobRepository(db, test.database.dialect), () => new Date()),
      staff,
      clock: () => new Date(),
      limits: { maxUploadBytes: 1024 * 1024, maxImagePixels: 10_000_000 },
      findUsages: museumPhotoUsages(museumRepository, new RevisionRepository(db))
    });
    photo = path.join(mediaDir, 'photo.jpg');
    await sharp({ create: { width: 64, height: 48, channels: 3, background: '#886644' } })
      .jpeg()
      .toFile(photo);
    tours = new TourEditor(
      new TourRepository(db),
      staff,
      () => new Date(),
      (museumId, ids) => media.assetsOf(museumId, ids)
    );
    exhibits = new ExhibitEditor(
      new ExhibitRepository(db),
      staff,
      () => new Date(),
      (museumId, ids) => media.assetsOf(museumId, ids)
    );
    importer = new ExhibitImporter({
      imports: new ImportRepository(db),
      media,
      storage,
      queue: new JobQueue(new JobRepository(db, test.database.dialect), () => new Date()),
      staff,
      clock: () => new Date()
    });
    exporter = new ExhibitExport(new ImportRepository(db), {
      category: (code) => code,
      material: (code) => code
    });
    inventory = path.join(mediaDir, 'inventory.csv');
    await fs.writeFile(inventory, 'Инв. №;Наименование\nКП-1;Ковш\n');
    exhibitions = new ExhibitionEditor(
      new ExhibitionRepository(db),
      staff,
      () => new Date(),
      async (museumId, ids) => (museumId === null ? [] : media.assetsOf(museumId, ids))
    );
    news = new NewsEditor(
      new NewsRepository(db),
      staff,
      () => new Date(),
      async (museumId, ids) => (museumId === null ? [] : media.assetsOf(museumId, ids)),
      { enqueue: async () => 1 }
    );
    events = new EventEditor(
      new EventRepository(db),
      staff,
      () => new Date(),
      async (museumId, ids) => (museumId === null ? [] : media.assetsOf(museumId, ids))
    );
    projects = new ProjectEditor(
      new ProjectRepository(db),
      staff,
      () => new Date(),
      async () => []
    );
    reports = new Reports(new ReportRepository(db), () => new Date());
    const queue = new JobQueue(new JobRepository(db, test.database.dialect), () => new Date());
    registrations = new Registrations({
      repository: new RegistrationRepository(db, test.database.dialect),
      sessions: new RegistrationSessionRepository(db),
      mailer: new Mailer({
        repository: new MailRepository(db),
        queue,
        config: { kind: 'outbox' },
        clock: () => new Date()
      }),
      queue,
      staff,
      clock: () => new Date('2026-11-23T00:00:00Z'),
      origin: 'https://kraeved.example',
      limit: new RateLimit({ limit: 10_000, windowMs: 60_000 })
    });
    const admin = users['association admin']!;
    records = {
      own: (await editor.open(admin, own.id)).record,
      other: (await editor.open(admin, other.id)).record
    };
  });
  afterAll(async () => {
    await storage?.close();
    await test?.dispose();
    if (mediaDir) await fs.rm(mediaDir, { recursive: true, force: true });
  });

  const upload = (actor: Actor, museumId: number) =>
    media.ingest(actor, museumId, {
      path: photo,
      fileName: 'p.jpg',
      panorama: false,
      uploadId: null
    });

  /** A file in the museum's library, put there by the association admin. */
  async function anAsset(museumId: number): Promise<number> {
    const result = await upload(users['association admin']!, museumId);
    if (!result.ok) throw new Error(result.message.en);
    return result.assetId;
  }

  /** Puts a version into review (as the association admin), so approving has something to act on. */
  async function submittedRevision(museumId: number, record: MuseumRecord): Promise<number> {
    await editor.save(users['association admin']!, museumId, record, 'review');
    return (await editor.open(users['association admin']!, museumId)).revision!.id;
  }

  /** A colleague to act on: a fresh editor of the museum, so every attempt has someone. */
  const colleague = async (museumId: number) =>
    (await newStaffMember(test.database.db, { role: 'museum_editor', museumId })).userId;

  /** An open invitation to the museum, sent by the association admin. */
  async function openInvitation(museumId: number): Promise<number> {
    const association = users['association admin']!;
    await accounts.invite(
      association,
      { email: `i${Math.random()}@museum.ru`, role: 'museum_editor', museumId },
      { name: 'x' },
      '/admin/accept'
    );
    return (await team.ofMuseum(association, museumId, 'ru')).invitations[0]!.id;
  }

  /** An inventory import of the museum, staged by the association admin. */
  async function anImport(museumId: number): Promise<number> {
    const table = { path: inventory, fileName: 'inventory.csv' };
    const staged = await importer.stage(users['association admin']!, museumId, table, null);
    if (!staged.ok) throw new Error(staged.message.en);
    return staged.id;
  }

  /** A tour of the museum, made by the association admin. */
  async function aTour(museumId: number): Promise<number> {
    const made = await tours.create(users['association admin']!, museumId, {
      slug: `t${Math.random().toString(36).slice(2, 10)}`,
      title: { ru: 'Экскурсия', en: 'Tour' }
    });
    if (!made.ok) throw new Error('test tour refused');
    return made.id;
  }

  /** A tour with one scene waiting for review, submitted by the association admin. */
  async function aSubmittedTour(museumId: number) {
    const id = await aTour(museumId);
    const admin = users['association admin']!;
    const panorama = await readyPanorama(museumId);
    await tours.save(
      admin,
      museumId,
      id,
      {
        ...tourDraft,
        scenes: [{ key: 's1', assetId: panorama, title: { ru: 'Зал', en: 'Hall' } }]
      },
      'review'
    );
    return { id, revision: (await tours.open(admin, museumId, id)).revision!.id };
  }

  /** A panorama as the tiling job leaves it (the tiles themselves are not needed here). */
  async function readyPanorama(museumId: number): Promise<number> {
    const repository = new MediaRepository(test.database.db);
    const now = new Date().toISOString();
    const { id } = await repository.insert(
      {
        museumId,
        kind: 'panorama',
        status: 'processing',
        fileName: 'hall.jpg',
        mime: 'image/jpeg',
        bytes: 1,
        originalKey: 'hall.jpg',
        width: 4096,
        height: 2048,
        uploadId: null,
        createdBy: users['association admin']!.userId
      },
      now
    );
    const tiles = {
      width: 4096,
      height: 2048,
      tileSize: 512,
      levels: [],
      tileKeyPattern: '{level}/{col}_{row}.jpg',
      base: { key: 'base.jpg', width: 1024, height: 512, bytes: 1 }
    };
    await repository.markReady(id, { rendition: null, tiles }, now);
    return id;
  }

  const tourDraft = { slug: 'x', title: { ru: 'Экскурсия', en: 'Tour' } };

  /** An exhibition of the museum (or of the association), made by the association admin. */
  async function anExhibition(museumId: number | null): Promise<number> {
    const made = await exhibitions.create(
      users['association admin']!,
      museumId === null ? { kind: 'association' } : { kind: 'museum', museumId },
      {
        slug: `e${Math.random().toString(36).slice(2, 10)}`,
        title: { ru: 'Выставка', en: 'Exhibition' }
      }
    );
    if (!made.ok) throw new Error('test exhibition refused');
    return made.id;
  }

  /** A project of the museum (or of the association), made by the association admin. */
  async function aProject(museumId: number | null): Promise<number> {
    const made = await projects.create(
      users['association admin']!,
      museumId === null ? { kind: 'association' } : { kind: 'museum', museumId },
      {
        slug: `p${Math.random().toString(36).slice(2, 10)}`,
        title: { ru: 'Проект', en: 'Project' }
      }
    );
    if (!made.ok) throw new Error('test project refused');
    return made.id;
  }
  const projectDraft: ProjectInput = {
    slug: 'x',
    title: { ru: 'Проект', en: 'Project' },
    period: { start: '2026-04-01' }
  };
  const aMonth = { from: '2026-03-01', to: '2026-03-31' };

  /** One quote: enough for review and publishing, no files needed. */
  const exhibitionDraft: ExhibitionInput = {
    slug: 'x',
    title: { ru: 'Выставка', en: 'Exhibition' },
    blocks: [{ kind: 'quote', key: 'b1', text: { ru: 'Слова', en: 'Words' } }]
  };
  const museumOwner = (museumId: number) => ({ kind: 'museum', museumId }) as const;

  /** An exhibition waiting for review, submitted by the association admin. */
  async function aSubmittedExhibition(museumId: number) {
    const id = await anExhibition(museumId);
    const admin = users['association admin']!;
    await exhibitions.save(admin, museumOwner(museumId), id, exhibitionDraft, 'review');
    return {
      id,
      revision: (await exhibitions.open(admin, museumOwner(museumId), id)).revision!.id
    };
  }

  /** A news item of the museum (or of the association), made by the association admin. */
  async function aNewsItem(museumId: number | null): Promise<number> {
    const made = await news.create(
      users['association admin']!,
      museumId === null ? { kind: 'association' } : { kind: 'museum', museumId },
      { slug: `n${Math.random().toString(36).slice(2, 10)}`, title: { ru: 'Новость', en: 'News' } }
    );
    if (!made.ok) throw new Error('test news refused');
    return made.id;
  }

  /** Enough for review and publishing: a lead and a body, no pictures. */
  const newsDraft: NewsInput = {
    slug: 'x',
    title: { ru: 'Новость', en: 'News' },
    lead: { ru: 'Коротко', en: 'In short' },
    body: { ru: '<p>Текст</p>', en: '<p>Text</p>' }
  };
  /** Ten in the morning a month from now: within the year a schedule may reach. */
  const nextYear = `${new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10)}T10:00`;

  /** An event of the museum (or of the association), made by the association admin. */
  async function anEvent(museumId: number | null): Promise<number> {
    const made = await events.create(
      users['association admin']!,
      museumId === null ? { kind: 'association' } : museumOwner(museumId),
      { slug: `v${Math.random().toString(36).slice(2, 10)}`, title: { ru: 'Лекция', en: 'Talk' } }
    );
    if (!made.ok) throw new Error('test event refused');
    return made.id;
  }

  /** One lecture at a free address: enough for publishing, no files or museums needed. */
  const eventDraft: EventInput = {
    slug: 'x',
    kind: 'lecture',
    title: { ru: 'Лекция', en: 'Talk' },
    dates: { kind: 'single', sessions: [{ key: 's1', date: '2026-12-01', start: '10:00' }] },
    venue: { kind: 'address', address: { ru: 'Дом культуры', en: 'House of culture' } },
    ageRating: '6+'
  };

  /** A published event taking registrations, with one person registered. */
  async function aRegisteredEvent(museumId: number | null) {
    const id = await anEvent(museumId);
    const owner = museumId === null ? ({ kind: 'association' } as const) : museumOwner(museumId);
    await events.save(
      users['association admin']!,
      owner,
      id,
      {
        ...eventDraft,
        dates: {
          kind: 'single',
          sessions: [{ key: 's1', date: '2026-12-01', start: '10:00', capacity: 10 }]
        },
        registration: { enabled: true }
      },
      'publish'
    );
    const sessionId = (await new EventRepository(test.database.db).sessionsOf(id))[0]!.id;
    const registered = await registrations.register(
      {
        sessionId,
        name: 'Гость',
        email: `guest${id}@example.ru`,
        phone: '',
        people: 1,
        school: '',
        className: '',
        answers: [],
        consent: true,
        website: ''
      },
      { locale: 'ru', clientAddress: '203.0.113.9' }
    );
    if (!registered.ok || registered.registrationId === null) throw new Error('not registered');
    return { id, sessionId, registrationId: registered.registrationId };
  }

  /** An event waiting for review, submitted by the association admin. */
  async function aSubmittedEvent(museumId: number) {
    const id = await anEvent(museumId);
    const admin = users['association admin']!;
    await events.save(admin, museumOwner(museumId), id, eventDraft, 'review');
    return { id, revision: (await events.open(admin, museumOwner(museumId), id)).revision!.id };
  }

  /** An exhibit of the museum, made by the association admin. */
  async function anExhibit(museumId: number): Promise<number> {
    const { inventoryNumber, title } = newExhibit();
    const made = await exhibits.create(users['association admin']!, museumId, {
      inventoryNumber,
      title
    });
    if (!made.ok) throw new Error('test exhibit refused');
    return made.id;
  }

  /** An exhibit waiting for review, submitted by the association admin. */
  async function aSubmittedExhibit(museumId: number) {
    const id = await anExhibit(museumId);
    const admin = users['association admin']!;
    await exhibits.save(admin, museumId, id, newExhibit(), 'review');
    return { id, revision: (await exhibits.open(admin, museumId, id)).revision!.id };
  }

  /** A tour published twice by the association admin: its first version is a past one. */
  async function aTourWithPast(museumId: number) {
    const id = await aTour(museumId);
    const admin = users['association admin']!;
    const scenes = [
      { key: 's1', assetId: await readyPanorama(museumId), title: { ru: 'Зал', en: 'Hall' } }
    ];
    for (const ru of ['Экскурсия', 'Экскурсия по заводу'])
      await tours.save(
        admin,
        museumId,
        id,
        { ...tourDraft, title: { ru, en: 'Tour' }, scenes },
        'publish'
      );
    return { id, past: (await tours.history(admin, museumId, id))[1]!.id };
  }

  /** An exhibit published twice by the association admin: its first version is a past one. */
  async function anExhibitWithPast(museumId: number) {
    const id = await anExhibit(museumId);
    const admin = users['association admin']!;
    for (const input of [newExhibit(), newExhibit()])
      await exhibits.save(admin, museumId, id, input, 'publish');
    return { id, past: (await exhibits.history(admin, museumId, id))[1]!.id };
  }

  /** An exhibition published twice by the association admin: its first version is a past one. */
  async function anExhibitionWithPast(museumId: number) {
    const id = await anExhibition(museumId);
    const admin = users['association admin']!;
    for (const ru of ['Слова', 'Другие слова'])
      await exhibitions.save(
        admin,
        museumOwner(museumId),
        id,
        { ...exhibitionDraft, blocks: [{ kind: 'quote', key: 'b1', text: { ru, en: 'Words' } }] },
        'publish'
      );
    return { id, past: (await exhibitions.history(admin, museumOwner(museumId), id))[1]!.id };
  }

  const actions: Record<
    string,
    (actor: Actor, museumId: number, record: MuseumRecord) => Promise<unknown>
  > = {
    'read drafts': (actor, id) => editor.open(actor, id),
    'list the media library': (actor, id) => media.list(actor, id, { limit: 10 }),
    'upload a file': (actor, id) => upload(actor, id),
    'describe a file': async (actor, id) =>
      media.describe(actor, id, await anAsset(id), {
        alt: { ru: 'Фото', en: 'Photo' },
        caption: { ru: '', en: '' },
        credit: '',
        licence: '',
        focal: null
      }),
    'retry processing a file': async (actor, id) => media.retry(actor, id, await anAsset(id)),
    'delete a file': async (actor, id) => media.delete(actor, id, await anAsset(id)),
    'read history': (actor, id) => editor.history(actor, id),
    'save a draft': (actor, id, record) => editor.save(actor, id, record, 'draft'),
    'submit for review': (actor, id, record) => editor.save(actor, id, record, 'review'),
    publish: (actor, id, record) => editor.save(actor, id, record, 'publish'),
    'approve a submitted version': async (actor, id, record) =>
      editor.approve(actor, id, await submittedRevision(id, record)),
    'invite an editor': (actor, id) =>
      accounts.invite(
        actor,
        { email: `e${Math.random()}@museum.ru`, role: 'museum_editor', museumId: id },
        { name: 'x' },
        '/admin/accept'
      ),
    'invite a museum admin': (actor, id) =>
      accounts.invite(
        actor,
        { email: `a${Math.random()}@museum.ru`, role: 'museum_admin', museumId: id },
        { name: 'x' },
        '/admin/accept'
      ),
    'list the team': (actor, id) => team.ofMuseum(actor, id, 'ru'),
    'make an editor an admin': async (actor, id) =>
      team.change(actor, id, await colleague(id), { kind: 'role', role: 'museum_admin' }),
    'let an editor publish without review': async (actor, id) =>
      team.change(actor, id, await colleague(id), { kind: 'publishing', publishing: 'publish' }),
    "remove someone's access": async (actor, id) =>
      team.change(actor, id, await colleague(id), { kind: 'remove' }),
    'revoke an invitation': async (actor, id) =>
      team.revokeInvitation(actor, id, await openInvitation(id)),
    'read the change log': (actor, id) => audit.page(actor, { museumId: id }, 'ru'),
    'list tours': (actor, id) => tours.list(actor, id),
    'create a tour': (actor, id) =>
      tours.create(actor, id, {
        ...tourDraft,
        slug: `n${Math.random().toString(36).slice(2, 10)}`
      }),
    'open a tour': async (actor, id) => tours.open(actor, id, await aTour(id)),
    "read a tour's history": async (actor, id) => tours.history(actor, id, await aTour(id)),
    'save a tour draft': async (actor, id) =>
      tours.save(actor, id, await aTour(id), tourDraft, 'draft'),
    'submit a tour for review': async (actor, id) =>
      tours.save(actor, id, await aTour(id), tourDraft, 'review'),
    // Refused for having no scenes, but only after the rights allowed it.
    'publish a tour': async (actor, id) =>
      tours.save(actor, id, await aTour(id), tourDraft, 'publish'),
    'approve a submitted tour': async (actor, id) => {
      const { id: tourId, revision } = await aSubmittedTour(id);
      return tours.approve(actor, id, tourId, revision);
    },
    'send a tour back': async (actor, id) => {
      const { id: tourId, revision } = await aSubmittedTour(id);
      return tours.sendBack(actor, id, tourId, revision, 'why');
    },
    'delete a tour': async (actor, id) => tours.delete(actor, id, await aTour(id)),
    'list deleted tours': (actor, id) => tours.deleted(actor, id),
    'restore a deleted tour': async (actor, id) => {
      const tourId = await aTour(id);
      await tours.delete(users['association admin']!, id, tourId);
      return tours.restore(actor, id, tourId);
    },
    'list exhibits': (actor, id) => exhibits.list(actor, id),
    'stage an inventory import': (actor, id) =>
      importer.stage(actor, id, { path: inventory, fileName: 'inventory.csv' }, null),
    'preview an inventory import': async (actor, id) =>
      importer.preview(actor, id, await anImport(id), { mapping: ['inventoryNumber', 'title.ru'] }),
    'start an inventory import': async (actor, id) => {
      const importId = await anImport(id);
      await importer.preview(users['association admin']!, id, importId, {
        mapping: ['inventoryNumber', 'title.ru']
      });
      return importer.start(actor, id, importId);
    },
    'cancel an inventory import': async (actor, id) =>
      importer.cancel(actor, id, await anImport(id)),
    'export exhibits': (actor, id) =>
      buffer(exporter.stream(actor, id, { format: 'json', drafts: true, locale: 'ru' })),
    'create an exhibit': (actor, id) => {
      const { inventoryNumber, title } = newExhibit();
      return exhibits.create(actor, id, { inventoryNumber, title });
    },
    "restore an exhibit's past version": async (actor, id) => {
      const { id: exhibitId, past } = await anExhibitWithPast(id);
      return exhibits.restoreVersion(actor, id, exhibitId, past, null);
    },
    "restore a tour's past version": async (actor, id) => {
      const { id: tourId, past } = await aTourWithPast(id);
      return tours.restoreVersion(actor, id, tourId, past, null);
    },
    "restore an exhibition's past version": async (actor, id) => {
      const { id: exhibitionId, past } = await anExhibitionWithPast(id);
      return exhibitions.restoreVersion(actor, museumOwner(id), exhibitionId, past, null);
    },
    'open an exhibit': async (actor, id) => exhibits.open(actor, id, await anExhibit(id)),
    "read an exhibit's history": async (actor, id) =>
      exhibits.history(actor, id, await anExhibit(id)),
    'find exhibits by inventory number': (actor, id) => exhibits.byInventory(actor, id, ['КП-1']),
    'save an exhibit draft': async (actor, id) =>
      exhibits.save(actor, id, await anExhibit(id), newExhibit(), 'draft'),
    'submit an exhibit for review': async (actor, id) =>
      exhibits.save(actor, id, await anExhibit(id), newExhibit(), 'review'),
    'publish an exhibit': async (actor, id) =>
      exhibits.save(actor, id, await anExhibit(id), newExhibit(), 'publish'),
    'approve a submitted exhibit': async (actor, id) => {
      const { id: exhibitId, revision } = await aSubmittedExhibit(id);
      return exhibits.approve(actor, id, exhibitId, revision);
    },
    'send an exhibit back': async (actor, id) => {
      const { id: exhibitId, revision } = await aSubmittedExhibit(id);
      return exhibits.sendBack(actor, id, exhibitId, revision, 'why');
    },
    'list collections': (actor, id) => exhibits.collections(actor, id),
    'save a collection': (actor, id) =>
      exhibits.saveCollection(actor, id, null, {
        slug: `c${Math.random().toString(36).slice(2, 10)}`,
        title: { ru: 'Коллекция', en: 'Collection' }
      }),
    'list exhibitions': (actor, id) => exhibitions.list(actor, museumOwner(id)),
    'create an exhibition': (actor, id) =>
      exhibitions.create(actor, museumOwner(id), {
        slug: `n${Math.random().toString(36).slice(2, 10)}`,
        title: { ru: 'Выставка', en: 'Exhibition' }
      }),
    'open an exhibition': async (actor, id) =>
      exhibitions.open(actor, museumOwner(id), await anExhibition(id)),
    "read an exhibition's history": async (actor, id) =>
      exhibitions.history(actor, museumOwner(id), await anExhibition(id)),
    'save an exhibition draft': async (actor, id) =>
      exhibitions.save(actor, museumOwner(id), await anExhibition(id), exhibitionDraft, 'draft'),
    'submit an exhibition for review': async (actor, id) =>
      exhibitions.save(actor, museumOwner(id), await anExhibition(id), exhibitionDraft, 'review'),
    'publish an exhibition': async (actor, id) =>
      exhibitions.save(actor, museumOwner(id), await anExhibition(id), exhibitionDraft, 'publish'),
    'approve a submitted exhibition': async (actor, id) => {
      const { id: exhibitionId, revision } = await aSubmittedExhibition(id);
      return exhibitions.approve(actor, museumOwner(id), exhibitionId, revision);
    },
    'send an exhibition back': async (actor, id) => {
      const { id: exhibitionId, revision } = await aSubmittedExhibition(id);
      return exhibitions.sendBack(actor, museumOwner(id), exhibitionId, revision, 'why');
    },
    'list projects': (actor, id) => projects.list(actor, museumOwner(id)),
    'create a project': (actor, id) =>
      projects.create(actor, museumOwner(id), {
        slug: `n${Math.random().toString(36).slice(2, 10)}`,
        title: { ru: 'Проект', en: 'Project' }
      }),
    'open a project': async (actor, id) =>
      projects.open(actor, museumOwner(id), await aProject(id)),
    'save a project draft': async (actor, id) =>
      projects.save(actor, museumOwner(id), await aProject(id), projectDraft, 'draft'),
    'publish a project': async (actor, id) =>
      projects.save(actor, museumOwner(id), await aProject(id), projectDraft, 'publish'),
    'approve a submitted project': async (actor, id) => {
      const projectId = await aProject(id);
      await projects.save(
        users['association admin']!,
        museumOwner(id),
        projectId,
        projectDraft,
        'review'
      );
      const { revision } = await projects.open(
        users['association admin']!,
        museumOwner(id),
        projectId
      );
      return projects.approve(actor, museumOwner(id), projectId, revision!.id);
    },
    "read a museum's report": (actor, id) => reports.report(actor, museumOwner(id), aMonth, 'ru'),
    'list events': (actor, id) => events.list(actor, museumOwner(id)),
    'create an event': (actor, id) =>
      events.create(actor, museumOwner(id), {
        slug: `n${Math.random().toString(36).slice(2, 10)}`,
        title: { ru: 'Лекция', en: 'Talk' }
      }),
    'open an event': async (actor, id) => events.open(actor, museumOwner(id), await anEvent(id)),
    "read an event's history": async (actor, id) =>
      events.history(actor, museumOwner(id), await anEvent(id)),
    'save an event draft': async (actor, id) =>
      events.save(actor, museumOwner(id), await anEvent(id), eventDraft, 'draft'),
    'submit an event for review': async (actor, id) =>
      events.save(actor, museumOwner(id), await anEvent(id), eventDraft, 'review'),
    'publish an event': async (actor, id) =>
      events.save(actor, museumOwner(id), await anEvent(id), eventDraft, 'publish'),
    'approve a submitted event': async (actor, id) => {
      const { id: eventId, revision } = await aSubmittedEvent(id);
      return events.approve(actor, museumOwner(id), eventId, revision);
    },
    'send an event back': async (actor, id) => {
      const { id: eventId, revision } = await aSubmittedEvent(id);
      return events.sendBack(actor, museumOwner(id), eventId, revision, 'why');
    },
    "read an event's registrants": async (actor, id) =>
      registrations.list(actor, (await aRegisteredEvent(id)).id),
    'export registrants': async (actor, id) =>
      registrations.exportFile(actor, (await aRegisteredEvent(id)).id, 'csv', 'ru'),
    'mark attendance': async (actor, id) => {
      const event = await aRegisteredEvent(id);
      return registrations.markAttendance(actor, event.id, event.sessionId, [event.registrationId]);
    },
    'cancel a registration': async (actor, id) => {
      const event = await aRegisteredEvent(id);
      return registrations.cancelByStaff(actor, event.id, event.registrationId);
    },
    'write to everyone registered': async (actor, id) =>
      registrations.writeToAll(actor, (await aRegisteredEvent(id)).id, {
        sessionId: null,
        subject: 'Вход',
        body: 'Со двора'
      }),
    "see a museum's events with registration": (actor, id) => registrations.overview(actor, id),
    'list news': (actor, id) => news.list(actor, museumOwner(id)),
    'create news': (actor, id) =>
      news.create(actor, museumOwner(id), {
        slug: `n${Math.random().toString(36).slice(2, 10)}`,
        title: { ru: 'Новость', en: 'News' }
      }),
    'open news': async (actor, id) => news.open(actor, museumOwner(id), await aNewsItem(id)),
    'save a news draft': async (actor, id) =>
      news.save(actor, museumOwner(id), await aNewsItem(id), newsDraft, 'draft'),
    'publish news': async (actor, id) =>
      news.save(actor, museumOwner(id), await aNewsItem(id), newsDraft, 'publish'),
    'schedule news': async (actor, id) =>
      news.schedule(actor, museumOwner(id), await aNewsItem(id), newsDraft, nextYear),
    'cancel a news schedule': async (actor, id) => {
      const item = await aNewsItem(id);
      await news.schedule(users['association admin']!, museumOwner(id), item, newsDraft, nextYear);
      return news.cancelSchedule(actor, museumOwner(id), item);
    },
    'approve submitted news': async (actor, id) => {
      const item = await aNewsItem(id);
      const admin = users['association admin']!;
      await news.save(admin, museumOwner(id), item, newsDraft, 'review');
      const revision = (await news.open(admin, museumOwner(id), item)).revision!.id;
      return news.approve(actor, museumOwner(id), item, revision);
    }
  };

  const associationActions: Record<string, (actor: Actor) => Promise<unknown>> = {
    "list the association's news": (actor) => news.list(actor, { kind: 'association' }),
    "publish the association's news": async (actor) =>
      news.save(actor, { kind: 'association' }, await aNewsItem(null), newsDraft, 'publish'),
    "schedule the association's news": async (actor) =>
      news.schedule(actor, { kind: 'association' }, await aNewsItem(null), newsDraft, nextYear),
    'list all staff': (actor) => team.everyone(actor, {}, 'ru'),
    'see background jobs': (actor) => jobs.recent(actor),
    'retry a failed job': (actor) => jobs.retry(actor, 1),
    "open the association's form": (actor) => associationEditor.open(actor),
    'edit the association': (actor) => associationEditor.save(actor, testAssociation),
    "list the association's exhibitions": (actor) =>
      exhibitions.list(actor, { kind: 'association' }),
    'create an exhibition of the association': (actor) =>
      exhibitions.create(
        actor,
        { kind: 'association' },
        {
          slug: `a${Math.random().toString(36).slice(2, 10)}`,
          title: { ru: 'Выставка', en: 'Exhibition' }
        }
      ),
    "publish the association's exhibition": async (actor) =>
      exhibitions.save(
        actor,
        { kind: 'association' },
        await anExhibition(null),
        exhibitionDraft,
        'publish'
      ),
    "list the association's projects": (actor) => projects.list(actor, { kind: 'association' }),
    "publish the association's project": async (actor) =>
      projects.save(actor, { kind: 'association' }, await aProject(null), projectDraft, 'publish'),
    "read the association's report": (actor) =>
      reports.report(actor, { kind: 'association' }, aMonth, 'ru'),
    "list the association's events": (actor) => events.list(actor, { kind: 'association' }),
    'create an event of the association': (actor) =>
      events.create(
        actor,
        { kind: 'association' },
        { slug: `a${Math.random().toString(36).slice(2, 10)}`, title: { ru: 'Лекция', en: 'Talk' } }
      ),
    "publish the association's event": async (actor) =>
      events.save(actor, { kind: 'association' }, await anEvent(null), eventDraft, 'publish'),
    "read the registrants of the association's event": async (actor) =>
      registrations.list(actor, (await aRegisteredEvent(null)).id),
    'edit the consent text': (actor) =>
      registrations.saveConsentText(actor, {
        ru: 'Я согласен на обработку персональных данных.',
        en: 'I consent to the processing of my personal data.'
      })
  };

  it('allows exactly what the table says, and answers "not found or no access" otherwise', async () => {
    const actual: Record<string, Record<string, string>> = {};
    for (const [action, run] of Object.entries(actions)) {
      actual[action] = {};
      for (const [person, actor] of Object.entries(users)) {
        let cells = '';
        for (const target of ['own', 'other'] as const) {
          try {
            await run(actor, museums[target], records[target]);
            cells += 'Y';
          } catch (error) {
            if (!(error instanceof NotFoundOrForbidden)) throw error;
            cells += '-';
          }
        }
        actual[action][person] = cells;
      }
    }
    expect(actual).toEqual(expected);
  });

  it('allows the association-wide actions to the association admin only', async () => {
    const actual: Record<string, Record<string, string>> = {};
    for (const [action, run] of Object.entries(associationActions)) {
      actual[action] = {};
      for (const [person, actor] of Object.entries(users)) {
        try {
          await run(actor);
          actual[action][person] = 'Y';
        } catch (error) {
          if (!(error instanceof NotFoundOrForbidden)) throw error;
          actual[action][person] = '-';
        }
      }
    }
    expect(actual).toEqual(expectedForAssociation);
  });
});
