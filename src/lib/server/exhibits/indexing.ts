import type { SearchDocument, SearchKind } from '../search/types';
import { exhibitDocument } from './directory';
import type { ExhibitRepository } from './repository';

/** The part of the search index the exhibits domain writes to. */
export interface SearchWriter {
  put(docs: SearchDocument[]): Promise<void>;
  remove(kind: SearchKind, refId: number): Promise<void>;
}

/** Keeps the search index in step with what visitors see of exhibits. */
export class ExhibitIndexer {
  constructor(
    private readonly exhibits: ExhibitRepository,
    private readonly index: SearchWriter
  ) {}

  /** After an exhibit was published (or withdrawn): its entry follows. */
  async reindex(exhibitId: number): Promise<void> {
    const found = await this.exhibits.publishedById(exhibitId);
    if (!found) await this.index.remove('exhibit', exhibitId);
    else await this.index.put([exhibitDocument(found)]);
  }

  /** After an import published a batch of exhibits: their entries in one write. */
  async reindexMany(exhibitIds: number[]): Promise<void> {
    const found = await this.exhibits.publishedByIds(exhibitIds);
    if (found.length > 0) await this.index.put(found.map(exhibitDocument));
  }

  /** Every published exhibit, a batch at a time (start-up on an empty index, after an import). */
  async reindexAll(): Promise<number> {
    let count = 0;
    for await (const batch of this.exhibits.allPublished()) {
      await this.index.put(batch.map(exhibitDocument));
      count += batch.length;
    }
    return count;
  }
}
