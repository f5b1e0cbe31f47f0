import { m } from '$lib/paraglide/messages';
import type { Ownership, Profile } from '$lib/shared/museum';

const ownership: Record<Ownership, () => string> = {
  state: m.ownership_state,
  municipal: m.ownership_municipal,
  private: m.ownership_private,
  departmental: m.ownership_departmental,
  public_movement: m.ownership_public_movement
};

const profile: Record<Profile, typeof m.profile_history> = {
  local_lore: m.profile_local_lore,
  fine_arts: m.profile_fine_arts,
  science_technology: m.profile_science_technology,
  military_history: m.profile_military_history,
  history: m.profile_history,
  memorial: m.profile_memorial,
  natural_history: m.profile_natural_history,
  ethnography: m.profile_ethnography
};

export const ownershipLabel = (value: Ownership) => ownership[value]();
/** In the page's language, or in the one asked (the search index writes both). */
export const profileLabel = (value: Profile, locale?: 'ru' | 'en') =>
  profile[value]({}, locale ? { locale } : undefined);
