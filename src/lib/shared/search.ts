/** The search's lists, safe for pages: what can be found and how results are ordered. */
export const searchKinds = ['museum', 'exhibit', 'exhibition', 'news', 'event'] as const;
export type SearchKind = (typeof searchKinds)[number];

export const searchSorts = ['relevance', 'title', 'year', 'newest'] as const;
export type SearchSort = (typeof searchSorts)[number];
