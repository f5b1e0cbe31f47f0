import { ownerships, profiles, type Ownership, type Profile } from '$lib/shared/museum';

export interface DirectoryQuery {
  town: string | null;
  district: string | null;
  ownership: Ownership | null;
  profile: Profile | null;
  /** 'now', or a museum-local date 'YYYY-MM-DD' on which the museum must open. */
  open: 'now' | string | null;
  free: boolean;
  sort: 'name' | 'distance';
  /** Where distance is measured from: the visitor's position or a settlement's slug. */
  near: { latitude: number; longitude: number } | null;
  from: string | null;
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const slug = /^[a-z0-9-]{1,80}$/;

/** Reads the directory's filters from the URL; anything malformed is ignored, never an error. */
export function parseDirectoryQuery(params: URLSearchParams): DirectoryQuery {
  const one = (name: string) => params.get(name)?.trim() || null;
  const pick = <T extends string>(value: string | null, allowed: readonly T[]) =>
    allowed.find((a) => a === value) ?? null;
  const open = one('open');
  const date = one('date');
  return {
    town: matches(one('town'), slug),
    district: matches(one('district'), slug),
    ownership: pick(one('ownership'), ownerships),
    profile: pick(one('profile'), profiles),
    open: open === 'now' ? 'now' : open === 'date' && isRealDate(date) ? date : null,
    free: one('free') === '1',
    sort: one('sort') === 'distance' ? 'distance' : 'name',
    near: parsePosition(one('near')),
    from: matches(one('from'), slug)
  };
}

function matches(value: string | null, pattern: RegExp) {
  return value !== null && pattern.test(value) ? value : null;
}

function isRealDate(value: string | null): value is string {
  if (!value || !isoDate.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value);
}

function parsePosition(value: string | null) {
  const m = value?.match(/^(-?\d{1,2}(?:\.\d+)?),(-?\d{1,3}(?:\.\d+)?)$/);
  if (!m) return null;
  const latitude = Number(m[1]);
  const longitude = Number(m[2]);
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return null;
  return { latitude, longitude };
}
