import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { NotFoundOrForbidden } from '$lib/server/auth/access';
import { checkHoursRule, hoursStatus, hoursTable } from '$lib/server/hours/hours';
import {
  dayHoursText,
  dayLabel,
  describeHours,
  showsWeekTable
} from '$lib/components/hours/describe';
import { m } from '$lib/paraglide/messages';
import type { HoursPreview } from '$lib/components/staff/hours-rule';
import type { MuseumRecord } from '$lib/shared/museum';

/** Longer than any real rule; keeps a stray paste from costing the server anything. */
const MAX_RULE_LENGTH = 2000;

function museumId(param: string): number {
  const id = Number(param);
  if (!Number.isInteger(id) || id <= 0) error(404, 'Not found');
  return id;
}

/**
 * The museum as it is being edited. The (workspace) layout guards pages, not endpoints: this
 * call checks who asks and whether they may edit this museum; signed out or someone else's
 * museum, there is no such page.
 */
async function editedMuseum(locals: App.Locals, param: string): Promise<MuseumRecord> {
  const id = museumId(param);
  try {
    return (await locals.app.editor.open(locals.staff?.actor ?? null, id)).record;
  } catch (e) {
    if (e instanceof NotFoundOrForbidden) error(404, 'Not found');
    throw e;
  }
}

/** The museum page's hours (sentence and week table) as they would read with `rule`, right now. */
function preview(locals: App.Locals, record: MuseumRecord, rule: string): HoursPreview {
  if (rule.length > MAX_RULE_LENGTH) {
    return { ok: false, message: m.hours_editor_too_long({ max: MAX_RULE_LENGTH }) };
  }
  // An empty rule is allowed on save and means "hours not given"; only a written rule is checked.
  const check = rule.trim() === '' ? ({ ok: true } as const) : checkHoursRule(rule);
  if (!check.ok) return { ok: false, message: check.message[locals.locale] };
  const { locale } = locals;
  const { timeZone } = record;
  const now = locals.app.clock();
  const input = { rule, timeZone };
  const status = hoursStatus(input, now);
  return {
    ok: true,
    status: describeHours(status, {
      locale,
      timeZone,
      now,
      phone: record.phones[0]?.number ?? null
    }),
    kind: status.kind,
    week: showsWeekTable(status)
      ? hoursTable(input, now, 7).map((day) => ({
          day: dayLabel(day.date, locale),
          hours: dayHoursText(day, locale),
          today: day.isToday,
          closed: day.intervals.length === 0 && !day.byArrangement
        }))
      : []
  };
}

const answer = (body: HoursPreview) => json(body, { headers: { 'cache-control': 'no-store' } });

export const GET: RequestHandler = async ({ locals, params, url }) => {
  const record = await editedMuseum(locals, params.id);
  return answer(preview(locals, record, url.searchParams.get('rule') ?? ''));
};

export const POST: RequestHandler = async ({ locals, params, request }) => {
  const record = await editedMuseum(locals, params.id);
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    error(400, 'Expected JSON: { "rule": string }');
  }
  const rule = body && typeof body === 'object' && 'rule' in body ? body.rule : undefined;
  if (typeof rule !== 'string') error(400, 'Expected JSON: { "rule": string }');
  return answer(preview(locals, record, rule));
};
