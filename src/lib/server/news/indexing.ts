import type { SearchWriter } from '../exhibits/indexing';
import { newsDocument } from './directory';
import type { NewsRepository } from './repository';

/** Keeps the search index in step with what visitors see of news. */
export class NewsIndexer {
  constructor(
    private readonly news: NewsRepository,
    private readonly index: SearchWriter
  ) {}

  /** After an item was published (or withdrawn): its entry follows. */
  async reindex(newsId: number): Promise<void> {
    const found = await this.news.publishedById(newsId);
    if (!found) await this.index.remove('news', newsId);
    else await this.index.put([newsDocument(found)]);
  }

  /** Every published item (start-up on an empty index). */
  async reindexAll(): Promise<number> {
    const all = await this.news.allPublished();
    if (all.length > 0) await this.index.put(all.map(newsDocument));
    return all.length;
  }
}
