import path from 'node:path';
import { Server, type ServerOptions } from '@tus/server';
import { FileStore } from '@tus/file-store';
import { NotFoundOrForbidden, type Actor } from '../auth/access';
import type { Locale } from '$lib/shared/museum';
import type { MediaLibrary } from './library';

/** Where the tus protocol lives; the browser's uploader talks to it. */
export const uploadPath = '/admin/uploads';

/** The header that tells the browser which asset a finished upload became. */
export const assetHeader = 'X-Kraeved-Asset';

/** The header of a refusal that offers a choice: the id of the panorama held for padding. */
export const heldHeader = 'X-Kraeved-Held';

type Upload = Parameters<NonNullable<ServerOptions['onUploadCreate']>>[1];
type FinishAnswer = Awaited<ReturnType<NonNullable<ServerOptions['onUploadFinish']>>>;

interface RequestContext {
  actor: Actor | null;
  locale: Locale;
}

/** What tus hooks throw to answer with a status and a message the uploader shows as it is. */
interface TusAnswer {
  status_code: number;
  body: string;
}

/**
 * Resumable uploads (the tus protocol): a cut connection or a reloaded page resumes where the
 * bytes stopped. A file becomes an asset only when its last byte has arrived and the library has
 * checked it, so a half-sent file never appears in the library. Each upload belongs to the person
 * who started it, for the museum they named; nobody else can continue or read it.
 */
export class ResumableUploads {
  private readonly server: Server;
  private readonly store: FileStore;
  /** Who is asking, per request: tus hands its hooks the same Request object it was given. */
  private readonly contexts = new WeakMap<Request, RequestContext>();

  private readonly origin: string;

  constructor(
    private readonly library: MediaLibrary,
    options: { directory: string; origin: string }
  ) {
    this.origin = options.origin;
    this.store = new FileStore({
      directory: options.directory,
      // Unfinished uploads older than a day are removed by cleanUpExpiredUploads().
      expirationPeriodInMilliseconds: 24 * 60 * 60 * 1000
    });
    this.server = new Server({
      path: uploadPath,
      datastore: this.store,
      relativeLocation: true,
      respectForwardedHeaders: false,
      maxSize: library.limits.maxUploadBytes,
      exposedHeaders: [assetHeader, heldHeader],
      onIncomingRequest: async (request, id) => this.checkOwner(request, id),
      onUploadCreate: async (request, upload) => this.begin(request, upload),
      onUploadFinish: async (request, upload) => this.finish(request, upload)
    });
  }

  async handle(request: Request, actor: Actor | null, locale: Locale): Promise<Response> {
    // SvelteKit checks the origin of form posts only; uploads from another site are refused here.
    const from = request.headers.get('origin');
    if (from && from !== this.origin && from !== new URL(request.url).origin) {
      return new Response(notYours[locale], { status: 403 });
    }
    this.contexts.set(request, { actor, locale });
    return this.server.handleWeb(request);
  }

  /** Removes uploads nobody finished within a day; returns how many. */
  cleanUpExpired(): Promise<number> {
    return this.server.cleanUpExpiredUploads();
  }

  private context(request: Request): RequestContext {
    return this.contexts.get(request) ?? { actor: null, locale: 'ru' };
  }

  private async begin(request: Request, upload: Upload) {
    const { actor, locale } = this.context(request);
    const museumId = Number(upload.metadata?.museumId);
    try {
      const who = this.library.authorize(actor, museumId);
      return { metadata: { ...upload.metadata, userId: who.userId } };
    } catch (error) {
      if (error instanceof NotFoundOrForbidden) throw answer(404, notYours, locale);
      throw error;
    }
  }

  /** PATCH, HEAD and DELETE on an upload: only its owner may continue or see it. */
  private async checkOwner(request: Request, id: string): Promise<void> {
    if (request.method === 'POST' || request.method === 'OPTIONS') return;
    const { actor, locale } = this.context(request);
    const upload = await this.store.getUpload(id).catch(() => undefined);
    if (!upload || !actor || upload.metadata?.userId !== actor.userId) {
      throw answer(404, notYours, locale);
    }
  }

  private async finish(request: Request, upload: Upload): Promise<FinishAnswer> {
    const { actor, locale } = this.context(request);
    const meta = upload.metadata ?? {};
    const museumId = Number(meta.museumId);
    try {
      const result = await this.library.ingest(actor, museumId, {
        path: path.join(this.store.directory, upload.id),
        fileName: meta.filename ?? meta.name ?? 'file',
        panorama: meta.panorama === '1',
        uploadId: upload.id
      });
      if (!result.ok && result.held) {
        // Not thrown: a thrown answer carries no headers, and this one names the held file.
        return {
          status_code: 422,
          body: result.message[locale],
          headers: { [heldHeader]: result.held }
        };
      }
      if (!result.ok) throw { status_code: 422, body: result.message[locale] } satisfies TusAnswer;
      return { headers: { [assetHeader]: String(result.assetId) } };
    } finally {
      // The library has its own copy now (or refused it): the staged bytes go either way.
      await this.store.remove(upload.id).catch(() => undefined);
    }
  }
}

const notYours = {
  ru: 'Эта загрузка не найдена или недоступна вам. Обновите страницу и попробуйте снова.',
  en: 'This upload was not found or is not yours. Reload the page and try again.'
};

function answer(status: number, message: { ru: string; en: string }, locale: Locale): TusAnswer {
  return { status_code: status, body: message[locale] };
}
