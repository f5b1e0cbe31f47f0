import { m } from '$lib/paraglide/messages';

/** Words for the staff roles and states the workspace shows, in the reader's language. */
export const roleLabel = {
  association_admin: m.staff_role_association_admin,
  museum_admin: m.staff_role_museum_admin,
  museum_editor: m.staff_role_museum_editor
};

export const publishingLabel = {
  review: m.team_publishing_review,
  publish: m.team_publishing_publish
};

export const jobStatusLabel = {
  queued: m.jobs_status_queued,
  running: m.jobs_status_running,
  done: m.jobs_status_done,
  failed: m.jobs_status_failed
};

const jobNames: Record<string, () => string> = {
  'send-mail': m.jobs_name_send_mail,
  'media.derive': m.jobs_name_media_derive,
  'media.purge': m.jobs_name_media_purge,
  'media.iiif': m.jobs_name_media_iiif,
  'exhibits.import': m.jobs_name_exhibits_import,
  'exhibits.import-sweep': m.jobs_name_exhibits_import_sweep,
  'registrations.remind': m.jobs_name_registrations_remind,
  'news.publish': m.jobs_name_news_publish
};

export const jobNameLabel = (name: string): string => jobNames[name]?.() ?? name;

const auditActions: Record<string, () => string> = {
  publish: m.audit_action_publish,
  approve: m.audit_action_approve,
  submit: m.audit_action_submit,
  'send-back': m.audit_action_send_back,
  'save-draft': m.audit_action_save_draft,
  restore: m.audit_action_restore,
  invite: m.audit_action_invite,
  'accept-invitation': m.audit_action_accept_invitation,
  'revoke-invitation': m.audit_action_revoke_invitation,
  'change-role': m.audit_action_change_role,
  'change-publishing': m.audit_action_change_publishing,
  remove: m.audit_action_remove,
  create: m.audit_action_create,
  'sign-in': m.audit_action_sign_in,
  retry: m.audit_action_retry,
  upload: m.audit_action_upload,
  describe: m.audit_action_describe,
  delete: m.audit_action_delete,
  import: m.audit_action_import,
  'cancel-import': m.audit_action_cancel_import
};

export const auditActionLabel = (action: string): string => auditActions[action]?.() ?? action;

/**
 * Where a versioned thing (a tour, an exhibition, a news item) stands, for a staff list:
 * "published, waiting for review", "not published", "published, draft in progress".
 */
export function versionStateLine(item: { publishedAt: string | null; open: string | null }) {
  return [
    item.publishedAt ? m.tours_state_published() : m.tours_state_unpublished(),
    item.open === 'review'
      ? m.tours_state_review()
      : item.open === 'draft' && item.publishedAt
        ? m.tours_state_draft()
        : null
  ]
    .filter(Boolean)
    .join(', ');
}

/** A version's state in a history list. */
export const versionStatus = {
  draft: m.versions_status_draft,
  review: m.versions_status_review,
  published: m.versions_status_published,
  discarded: m.versions_status_discarded
};
