/**
 * Reports for grant applications and funders: for a period, the events held, the registrations
 * and the attendance, participants by project and the districts reached — of one museum, or of
 * the association (everything: its own and every member museum's).
 */

export interface ReportPeriod {
  /** ISO dates, both included, as days in the owner's time zone. */
  from: string;
  to: string;
}

export interface ReportEventRow {
  title: string;
  /** The organiser: a museum's name, or null for the association. */
  organiser: string | null;
  district: string | null;
  /** Sessions held within the period. */
  sessions: number;
  /** The first session in the period, as an ISO date in the owner's zone. */
  date: string;
  /** Confirmed registrations (people, groups counted by their size). */
  registered: number;
  /** People marked as having come. */
  attended: number;
}

export interface ReportProjectRow {
  title: string;
  organiser: string | null;
  /** The project's own figure of participants (as published), if any. */
  participants: number | null;
  /** Participants of its itinerary's stops within the period. */
  stopParticipants: number;
  /** Stops within the period. */
  stops: number;
  /**
   * What the totals count: the project's own figure when its whole period lies within the
   * report's, else its stops' participants within the period.
   */
  counted: number;
}

export interface ReportMonth {
  /** `YYYY-MM`. */
  month: string;
  events: number;
  attended: number;
}

export interface ReportView {
  period: ReportPeriod;
  /** Whose report: a museum's name, or null for the association's. */
  owner: string | null;
  totals: {
    eventsHeld: number;
    sessionsHeld: number;
    registered: number;
    attended: number;
    projects: number;
    projectParticipants: number;
    districts: number;
  };
  months: ReportMonth[];
  events: ReportEventRow[];
  projects: ReportProjectRow[];
  districts: string[];
}
