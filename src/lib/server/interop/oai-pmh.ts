import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { categoryLabel, rightsLabel } from '$lib/components/exhibits/labels';
import type { HarvestCursor, HarvestFilter } from '../exhibits/harvest';
import { bothLanguages } from './iiif-presentation';
import { rightsUri, type OpenExhibit, type OpenExhibits, type Pair } from './open-exhibits';
import { el, renderXml, type XmlChild, type XmlElement } from './xml';

/**
 * An OAI-PMH 2.0 repository of the published exhibits (https://www.openarchives.org/OAI/openarchivesprotocol.html),
 * with simple Dublin Core (oai_dc) records. Sets are the museums (`museum:<slug>`) and their
 * collections (`collection:<museum>:<slug>`), the parents `museum`, `collection` and
 * `collection:<museum>` included, as the protocol's hierarchy reads colons. Lists come a page at a
 * time in the order exhibits were published, (published_at, id) — so a page boundary never
 * skips or repeats an exhibit — with a resumption token carrying where the page ended.
 */

export const oaiNamespace = 'http://www.openarchives.org/OAI/2.0/';
const xsi = 'http://www.w3.org/2001/XMLSchema-instance';
const oaiDcNamespace = 'http://www.openarchives.org/OAI/2.0/oai_dc/';
const oaiDcSchema = 'http://www.openarchives.org/OAI/2.0/oai_dc.xsd';
const dcNamespace = 'http://purl.org/dc/elements/1.1/';

export type OaiErrorCode =
  | 'badArgument'
  | 'badResumptionToken'
  | 'badVerb'
  | 'cannotDisseminateFormat'
  | 'idDoesNotExist'
  | 'noRecordsMatch'
  | 'noMetadataFormats'
  | 'noSetHierarchy';

class OaiError extends Error {
  constructor(
    readonly code: OaiErrorCode,
    message: string
  ) {
    super(message);
  }
}

/** Each verb's arguments; `resumptionToken` is exclusive (only the verb beside it). */
const verbs = {
  Identify: { required: [], optional: [] },
  ListMetadataFormats: { required: [], optional: ['identifier'] },
  ListSets: { required: [], optional: ['resumptionToken'] },
  ListIdentifiers: {
    required: ['metadataPrefix'],
    optional: ['from', 'until', 'set', 'resumptionToken']
  },
  ListRecords: {
    required: ['metadataPrefix'],
    optional: ['from', 'until', 'set', 'resumptionToken']
  },
  GetRecord: { required: ['identifier', 'metadataPrefix'], optional: [] }
} as const satisfies Record<string, { required: string[]; optional: string[] }>;
type Verb = keyof typeof verbs;
const isVerb = (value: string): value is Verb => Object.hasOwn(verbs, value);

/** Where a list goes on: everything the next page needs, opaque to the harvester. */
const tokenState = z.object({
  v: z.literal(1),
  verb: z.enum(['ListIdentifiers', 'ListRecords']),
  set: z.string().max(200).optional(),
  from: z.iso.datetime().optional(),
  before: z.iso.datetime(),
  after: z.object({ at: z.iso.datetime(), id: z.number().int().positive() }),
  cursor: z.number().int().min(0),
  size: z.number().int().min(0),
  expires: z.iso.datetime()
});
type TokenState = z.infer<typeof tokenState>;

export function encodeToken(state: TokenState): string {
  return Buffer.from(JSON.stringify(state)).toString('base64url');
}

export function decodeToken(token: string): TokenState | null {
  if (!/^[A-Za-z0-9_-]{1,2000}$/.test(token)) return null;
  try {
    const parsed = tokenState.safeParse(JSON.parse(Buffer.from(token, 'base64url').toString()));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** OAI datestamps are UTC to the second: `2026-11-22T10:15:00Z`. */
export const datestamp = (iso: string) => `${iso.slice(0, 19)}Z`;

/**
 * A `from`/`until` argument: a day (`YYYY-MM-DD`) or a second (`YYYY-MM-DDThh:mm:ssZ`), as the
 * granularity Identify declares allows; null for anything else.
 */
export function parseUtc(value: string): { at: Date; granularity: 'day' | 'second' } | null {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value);
  if (!day && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(value)) return null;
  const at = new Date(day ? `${value}T00:00:00Z` : value);
  // 2026-02-30 parses as March 2nd: only a date that reads back the same is one.
  if (Number.isNaN(at.getTime()) || !at.toISOString().startsWith(value.slice(0, 19))) return null;
  return { at, granularity: day ? 'day' : 'second' };
}

/** The exhibits a set spec names; null for a spec that names no set here. */
export function setFilter(spec: string): HarvestFilter | null {
  const slug = '([a-z0-9]+(?:-[a-z0-9]+)*)';
  if (spec === 'museum') return {};
  if (spec === 'collection') return { collection: 'any' };
  let match = new RegExp(`^museum:${slug}$`).exec(spec);
  if (match) return { museumSlug: match[1] };
  match = new RegExp(`^collection:${slug}(?::${slug})?$`).exec(spec);
  if (match) return { museumSlug: match[1], collection: match[2] ?? 'any' };
  return null;
}

export interface OaiOptions {
  /** Who runs the repository (Identify's adminEmail); at least one is always given. */
  adminEmails: () => Promise<string[]>;
  clock: () => Date;
  /** Records or headers per page. */
  pageSize?: number;
  /** How long a resumption token works. */
  tokenLifetimeMs?: number;
}

export class OaiPmh {
  private readonly pageSize: number;
  private readonly tokenLifetimeMs: number;

  constructor(
    private readonly exhibits: OpenExhibits,
    private readonly options: OaiOptions
  ) {
    this.pageSize = options.pageSize ?? 100;
    this.tokenLifetimeMs = options.tokenLifetimeMs ?? 24 * 60 * 60 * 1000;
  }

  private get urls() {
    return this.exhibits.urls;
  }

  /** The XML answer to a request's arguments (the query string of a GET, the form of a POST). */
  async respond(args: URLSearchParams): Promise<string> {
    const now = this.options.clock();
    const given = new Map<string, string>();
    let body: XmlChild[];
    let attributes: Record<string, string> = {};
    try {
      const repeated = [...args.keys()].find((key) => args.getAll(key).length > 1);
      const verb = args.get('verb');
      if (verb === null || !isVerb(verb) || args.getAll('verb').length > 1)
        throw new OaiError(
          'badVerb',
          verb === null ? 'The verb argument is missing.' : `“${verb}” is not an OAI-PMH verb.`
        );
      if (repeated) throw new OaiError('badArgument', `The argument ${repeated} is repeated.`);
      for (const [key, value] of args) if (key !== 'verb') given.set(key, value);
      checkArguments(verb, given);
      attributes = Object.fromEntries(args);
      body = [await this.answer(verb, given, now)];
    } catch (error) {
      if (!(error instanceof OaiError)) throw error;
      // A bad verb or argument gets the bare base URL, without attributes (section 3.2).
      if (error.code === 'badVerb' || error.code === 'badArgument') attributes = {};
      body = [el('error', { code: error.code }, error.message)];
    }
    return renderXml(
      el(
        'OAI-PMH',
        {
          xmlns: oaiNamespace,
          'xmlns:xsi': xsi,
          'xsi:schemaLocation': `${oaiNamespace} http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd`
        },
        el('responseDate', {}, datestamp(now.toISOString())),
        el('request', attributes, this.urls.oai),
        body
      )
    );
  }

  private async answer(verb: Verb, args: Map<string, string>, now: Date): Promise<XmlElement> {
    switch (verb) {
      case 'Identify':
        return this.identify(now);
      case 'ListMetadataFormats':
        return this.metadataFormats(args.get('identifier'));
      case 'ListSets':
        if (args.has('resumptionToken'))
          throw new OaiError('badResumptionToken', 'The list of sets comes whole, without tokens.');
        return this.sets();
      case 'GetRecord':
        return this.getRecord(args.get('identifier') ?? '', args.get('metadataPrefix') ?? '');
      case 'ListIdentifiers':
      case 'ListRecords':
        return this.list(verb, args, now);
    }
  }

  private async identify(now: Date) {
    const emails = await this.options.adminEmails();
    const earliest = (await this.exhibits.earliest()) ?? now.toISOString();
    const host = new URL(this.urls.origin).hostname;
    const name = bothLanguages(m.interop_repository_name);
    return el(
      'Identify',
      {},
      el('repositoryName', {}, `${name.ru} — ${name.en}`),
      el('baseURL', {}, this.urls.oai),
      el('protocolVersion', {}, '2.0'),
      emails.map((email) => el('adminEmail', {}, email)),
      el('earliestDatestamp', {}, datestamp(earliest)),
      // Exhibits are not withdrawn; a museum's removal is rare enough to harvest again in full.
      el('deletedRecord', {}, 'no'),
      el('granularity', {}, 'YYYY-MM-DDThh:mm:ssZ'),
      // The oai-identifier scheme wants a domain name; a bare address or localhost has none.
      /^[a-zA-Z][a-zA-Z0-9-]*(\.[a-zA-Z][a-zA-Z0-9-]*)+$/.test(host)
        ? el(
            'description',
            {},
            el(
              'oai-identifier',
              {
                xmlns: 'http://www.openarchives.org/OAI/2.0/oai-identifier',
                'xmlns:xsi': xsi,
                'xsi:schemaLocation':
                  'http://www.openarchives.org/OAI/2.0/oai-identifier http://www.openarchives.org/OAI/2.0/oai-identifier.xsd'
              },
              el('scheme', {}, 'oai'),
              el('repositoryIdentifier', {}, host),
              el('delimiter', {}, ':'),
              el('sampleIdentifier', {}, this.urls.oaiIdentifier(1))
            )
          )
        : null
    );
  }

  private async metadataFormats(identifier: string | undefined) {
    if (identifier !== undefined) await this.exhibitOf(identifier);
    return el(
      'ListMetadataFormats',
      {},
      el(
        'metadataFormat',
        {},
        el('metadataPrefix', {}, 'oai_dc'),
        el('schema', {}, oaiDcSchema),
        el('metadataNamespace', {}, oaiDcNamespace)
      )
    );
  }

  private async sets() {
    const [museums, collections] = await Promise.all([
      this.exhibits.museums(),
      this.exhibits.collections()
    ]);
    const names = new Map(museums.map((museum) => [museum.slug, museum.name]));
    const set = (spec: string, name: Pair, description?: Pair) =>
      el(
        'set',
        {},
        el('setSpec', {}, spec),
        el('setName', {}, bilingual(name)),
        description && (description.ru || description.en)
          ? el(
              'setDescription',
              {},
              dublinCore([
                ...dc('description', description.ru, 'ru'),
                ...dc('description', description.en, 'en')
              ])
            )
          : null
      );
    const withCollections = [...new Set(collections.map((c) => c.museum.slug))];
    return el(
      'ListSets',
      {},
      set('museum', bothLanguages(m.interop_set_museums)),
      museums.map((museum) => set(`museum:${museum.slug}`, museum.name)),
      set('collection', bothLanguages(m.interop_set_collections)),
      withCollections.map((slug) => {
        const museum = names.get(slug) ?? { ru: slug, en: slug };
        return set(`collection:${slug}`, {
          ru: m.interop_set_collections_of({ museum: museum.ru }, { locale: 'ru' }),
          en: m.interop_set_collections_of({ museum: museum.en || museum.ru }, { locale: 'en' })
        });
      }),
      collections.map((c) => set(`collection:${c.museum.slug}:${c.slug}`, c.title, c.description))
    );
  }

  private async getRecord(identifier: string, prefix: string) {
    checkPrefix(prefix);
    const exhibit = await this.exhibitOf(identifier);
    return el('GetRecord', {}, this.record(exhibit));
  }

  private async list(
    verb: 'ListIdentifiers' | 'ListRecords',
    args: Map<string, string>,
    now: Date
  ) {
    const token = args.get('resumptionToken');
    let state: Omit<TokenState, 'after' | 'expires'> & { after: HarvestCursor | null };
    if (token !== undefined) {
      const decoded = decodeToken(token);
      if (!decoded || decoded.verb !== verb)
        throw new OaiError('badResumptionToken', 'This resumption token is not one of ours.');
      if (new Date(decoded.expires) < now)
        throw new OaiError(
          'badResumptionToken',
          'This resumption token has expired: start the list again.'
        );
      state = decoded;
    } else {
      checkPrefix(args.get('metadataPrefix') ?? '');
      const from = args.has('from') ? parseUtc(args.get('from') ?? '') : undefined;
      const until = args.has('until') ? parseUtc(args.get('until') ?? '') : undefined;
      if (from === null || until === null)
        throw new OaiError(
          'badArgument',
          'from and until are dates (YYYY-MM-DD) or UTC times (YYYY-MM-DDThh:mm:ssZ).'
        );
      if (from && until && from.granularity !== until.granularity)
        throw new OaiError('badArgument', 'from and until must have the same granularity.');
      // until is inclusive at its granularity. A list ends with the current second, so it holds
      // still while it is walked and its size stays true; what is published later has a later
      // datestamp than this responseDate, so the next harvest "from" it gets it.
      const endOfSecond = new Date(Math.floor(now.getTime() / 1000) * 1000 + 1000);
      const before = until
        ? new Date(until.at.getTime() + (until.granularity === 'day' ? 86_400_000 : 1000))
        : endOfSecond;
      state = {
        v: 1,
        verb,
        set: args.get('set'),
        from: from?.at.toISOString(),
        before: (before < endOfSecond ? before : endOfSecond).toISOString(),
        after: null,
        cursor: 0,
        size: 0
      };
    }
    const filter = this.filterOf(state);
    if (!filter) throw new OaiError('noRecordsMatch', `There is no set “${state.set}”.`);
    const size = token === undefined ? await this.exhibits.count(filter) : state.size;
    const { exhibits, next } = await this.exhibits.page(filter, state.after, this.pageSize);
    if (exhibits.length === 0)
      throw new OaiError('noRecordsMatch', 'No exhibit matches these arguments.');
    const items =
      verb === 'ListRecords'
        ? exhibits.map((e) => this.record(e))
        : exhibits.map((e) => this.header(e));
    const expires = new Date(now.getTime() + this.tokenLifetimeMs).toISOString();
    const attributes = { completeListSize: size, cursor: state.cursor };
    return el(
      verb,
      {},
      items,
      next
        ? el(
            'resumptionToken',
            { ...attributes, expirationDate: datestamp(expires) },
            encodeToken({
              ...state,
              after: next,
              cursor: state.cursor + exhibits.length,
              size,
              expires
            })
          )
        : token !== undefined
          ? el('resumptionToken', attributes)
          : null
    );
  }

  private filterOf(state: { set?: string; from?: string; before: string }): HarvestFilter | null {
    const sets = state.set === undefined ? {} : setFilter(state.set);
    return sets && { ...sets, from: state.from, before: state.before };
  }

  private async exhibitOf(identifier: string): Promise<OpenExhibit> {
    const match = /^oai:([^:]+):exhibit:([1-9]\d{0,9})$/.exec(identifier);
    const ours = match && match[1] === new URL(this.urls.origin).hostname;
    const exhibit = ours ? await this.exhibits.one(Number(match[2])) : null;
    if (!exhibit) throw new OaiError('idDoesNotExist', `No published exhibit is ${identifier}.`);
    return exhibit;
  }

  private header(exhibit: OpenExhibit) {
    // The sets it is in: its museum, and its collection when it has one (parents implied).
    const { museum, collection } = exhibit;
    const specs = [
      `museum:${museum.slug}`,
      ...(collection ? [`collection:${museum.slug}:${collection.slug}`] : [])
    ];
    return el(
      'header',
      {},
      el('identifier', {}, this.urls.oaiIdentifier(exhibit.id)),
      el('datestamp', {}, datestamp(exhibit.publishedAt)),
      specs.map((spec) => el('setSpec', {}, spec))
    );
  }

  private record(exhibit: OpenExhibit) {
    return el(
      'record',
      {},
      this.header(exhibit),
      el('metadata', {}, dublinCore(oaiDcFields(exhibit, this.urls)))
    );
  }
}

/** Throws the protocol's error for arguments the verb does not take, or lacks. */
function checkArguments(verb: Verb, args: Map<string, string>) {
  const { required, optional } = verbs[verb];
  const allowed = new Set<string>([...required, ...optional]);
  for (const key of args.keys())
    if (!allowed.has(key)) throw new OaiError('badArgument', `${verb} takes no argument “${key}”.`);
  if (args.has('resumptionToken')) {
    if (args.size > 1)
      throw new OaiError('badArgument', 'resumptionToken comes alone, beside the verb only.');
    return;
  }
  for (const key of required)
    if (!args.get(key)) throw new OaiError('badArgument', `${verb} needs the argument ${key}.`);
}

function checkPrefix(prefix: string) {
  if (prefix !== 'oai_dc')
    throw new OaiError(
      'cannotDisseminateFormat',
      `Records come as oai_dc (simple Dublin Core), not “${prefix}”.`
    );
}

const bilingual = (name: Pair) =>
  name.en && name.en !== name.ru ? `${name.ru} / ${name.en}` : name.ru;

type DcField = { name: string; value: string; lang?: 'ru' | 'en' };

/** One element per language that has text. */
function dc(name: string, value: string, lang?: 'ru' | 'en'): DcField[] {
  const text = value.trim();
  return text ? [{ name, value: text, lang }] : [];
}
const dcPair = (name: string, value: Pair) => [
  ...dc(name, value.ru, 'ru'),
  ...dc(name, value.en, 'en')
];

function dublinCore(fields: DcField[]) {
  return el(
    'oai_dc:dc',
    {
      'xmlns:oai_dc': oaiDcNamespace,
      'xmlns:dc': dcNamespace,
      'xmlns:xsi': xsi,
      'xsi:schemaLocation': `${oaiDcNamespace} ${oaiDcSchema}`
    },
    fields.map((f) => el(`dc:${f.name}`, { 'xml:lang': f.lang }, f.value))
  );
}

/** An exhibit as simple Dublin Core, in the order of the fifteen elements. */
export function oaiDcFields(exhibit: OpenExhibit, urls: OpenExhibits['urls']): DcField[] {
  const { record, museum } = exhibit;
  const years =
    record.yearFrom != null && record.yearTo != null && record.yearFrom !== record.yearTo
      ? `${record.yearFrom}/${record.yearTo}`
      : String(record.yearFrom ?? record.yearTo ?? '');
  const category = {
    ru: categoryLabel(record.category, 'ru'),
    en: categoryLabel(record.category, 'en')
  };
  const rights = {
    ru: [rightsLabel(record.rights.statement, 'ru'), record.rights.credit]
      .filter(Boolean)
      .join('. '),
    en: [rightsLabel(record.rights.statement, 'en'), record.rights.credit]
      .filter(Boolean)
      .join('. ')
  };
  return [
    ...dcPair('title', record.title),
    ...dcPair('creator', record.maker),
    ...record.tags.flatMap((tag) => dc('subject', tag, 'ru')),
    ...dcPair('description', record.description),
    ...(exhibit.origin === 'demo' ? dcPair('description', bothLanguages(m.exhibit_page_demo)) : []),
    ...dcPair('publisher', museum.name),
    ...dcPair('date', record.dating),
    ...dc('date', years),
    ...dc('type', 'PhysicalObject'),
    ...dcPair('type', category),
    ...dcPair('format', record.technique),
    ...dcPair('format', record.dimensions),
    ...dc('identifier', urls.exhibitPage(museum.slug, exhibit.id, 'ru')),
    ...dc('identifier', record.inventoryNumber),
    ...dc('language', 'ru'),
    ...(record.title.en || record.description.en ? dc('language', 'en') : []),
    ...dc('relation', urls.manifest(exhibit.id)),
    ...dcPair('coverage', record.place),
    ...dc('rights', rightsUri[record.rights.statement]),
    ...dcPair('rights', rights)
  ];
}
