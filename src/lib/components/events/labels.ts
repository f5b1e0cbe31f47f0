import { m } from '$lib/paraglide/messages';
import type { EventKind, EventStatus, SessionStatus } from '$lib/shared/event';

/** What visitors and staff read for each kind of event. */
export const kindLabel: Record<EventKind, () => string> = {
  exhibition: m.events_kind_exhibition,
  'guided-tour': m.events_kind_guided_tour,
  lecture: m.events_kind_lecture,
  'master-class': m.events_kind_master_class,
  'school-programme': m.events_kind_school_programme,
  seminar: m.events_kind_seminar,
  concert: m.events_kind_concert,
  'travelling-stop': m.events_kind_travelling_stop
};

export const statusLabel: Record<EventStatus | SessionStatus, () => string> = {
  scheduled: m.events_status_scheduled,
  moved: m.events_status_moved,
  cancelled: m.events_status_cancelled,
  removed: m.events_status_cancelled
};
