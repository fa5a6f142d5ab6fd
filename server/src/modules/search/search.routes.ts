import type { App } from '../../platform/http/types.js';
import { actorOf } from '../../platform/http/types.js';
import { SearchQuery, SearchResult } from '../../../../contracts/search.js';
import type { SearchService } from './search.service.js';

export function registerSearchRoutes(app: App, deps: { search: SearchService }) {
  const { search } = deps;
  app.get('/api/search', {
    schema: { tags: ['search'], summary: '站内搜索（文章、通知、学习资料，按可见范围）', querystring: SearchQuery, response: { 200: SearchResult } },
  }, async (req) => search.search(actorOf(req), req.query));
}
