import type { SearchWriter } from '../exhibits/indexing';
import { exhibitionDocument } from './directory';
import type { ExhibitionRepository } from './repository';

/** Keeps the search index in step with what visitors see of online exhibitions. */
export class ExhibitionIndexer {
  constructor(
    private readonly exhibitions: ExhibitionRepository,
    private readonly index: SearchWriter
  ) {}

  /** After an exhibition was published (or withdrawn): its entry follows. */
  async reindex(exhibitionId: number): Promise<void> {
    const found = await this.exhibitions.publishedById(exhibitionId);
    if (!found) await this.index.remove('exhibition', exhibitionId);
    else await this.index.put([exhibitionDocument(found)]);
  }

  /** Every published exhibition (start-up on an empty index). */
  async reindexAll(): Promise<number> {
    const all = await this.exhibitions.allPublished();
    if (all.length > 0) await this.index.put(all.map(exhibitionDocument));
    return all.length;
  }
}
