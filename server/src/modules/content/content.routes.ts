// Columns and articles for admins. The public pages are in server/src/public/site.routes.ts.
import type { App } from '../../platform/http/types.js';
import { actorOf } from '../../platform/http/types.js';
import { IdParams } from '../../../../contracts/schemas.js';
import {
  Article, ArticleBody, ArticleFile, ArticleListQuery, ArticlePage, ArticleReviewBody, ArticleUpdateBody, ArticleVersionBody, ColumnList,
  ColumnListQuery, ColumnOfOrg, ColumnSaveBody,
} from '../../../../contracts/content.js';
import type { ContentService } from './content.service.js';
import { readMultipart } from '../../platform/http/multipart.js';

export function registerContentRoutes(app: App, deps: { content: ContentService }) {
  const { content } = deps;
  const tags = ['columns'];
  app.get('/api/orgs/:id/column', { schema: { tags, summary: '组织的专题党建栏目（没有时为 null）', params: IdParams, response: { 200: ColumnOfOrg } } },
    async (req) => content.columnOf(actorOf(req), req.params.id));
  app.put('/api/orgs/:id/column', { schema: { tags, summary: '开设或修改栏目（新开设时 version 为 0）', params: IdParams, body: ColumnSaveBody, response: { 200: ColumnOfOrg } } },
    async (req) => content.saveColumn(actorOf(req), req.params.id, req.body));
  app.get('/api/columns', { schema: { tags, summary: '下级栏目及更新情况（staleOnly：只看超期未更新的）', querystring: ColumnListQuery, response: { 200: ColumnList } } },
    async (req) => content.columns(actorOf(req), req.query.orgId, req.query.staleOnly ?? false));
  app.get('/api/columns/:id/articles', { schema: { tags, summary: '栏目的文章（不含正文，按编号倒序分页）', params: IdParams, querystring: ArticleListQuery, response: { 200: ArticlePage } } },
    async (req) => content.articles(actorOf(req), req.params.id, req.query));
  app.post('/api/columns/:id/articles', { schema: { tags, summary: '新建文章（草稿）', params: IdParams, body: ArticleBody, response: { 200: Article } } },
    async (req) => content.create(actorOf(req), req.params.id, req.body));
  app.get('/api/articles/:id', { schema: { tags, summary: '文章（含正文、图片和附件）', params: IdParams, response: { 200: Article } } },
    async (req) => content.get(actorOf(req), req.params.id));
  app.put('/api/articles/:id', { schema: { tags, summary: '修改文章（待审核或已撤下的文章回到草稿）', params: IdParams, body: ArticleUpdateBody, response: { 200: Article } } },
    async (req) => content.update(actorOf(req), req.params.id, req.body));
  app.post('/api/articles/:id/submit', { schema: { tags, summary: '提交审核', params: IdParams, body: ArticleVersionBody, response: { 200: Article } } },
    async (req) => content.submit(actorOf(req), req.params.id, req.body.version));
  app.post('/api/articles/:id/review', { schema: { tags, summary: '审核：发布（可定时）或退回', params: IdParams, body: ArticleReviewBody, response: { 200: Article } } },
    async (req) => content.review(actorOf(req), req.params.id, req.body));
  app.post('/api/articles/:id/unpublish', { schema: { tags, summary: '撤下已发布的文章', params: IdParams, body: ArticleVersionBody, response: { 200: Article } } },
    async (req) => content.unpublish(actorOf(req), req.params.id, req.body.version));
  app.post('/api/articles/:id/files', { schema: { tags, summary: '上传文章图片或附件（multipart 字段 file）', params: IdParams, consumes: ['multipart/form-data'], response: { 200: ArticleFile } } },
    async (req) => {
      await content.precheckFile(actorOf(req), req.params.id);
      return content.addFile(actorOf(req), req.params.id, await readMultipart(req));
    });
  app.get('/api/article-files/:id', { schema: { tags, summary: '文章图片或附件（管理端预览）', params: IdParams } },
    async (req, reply) => {
      const f = await content.file(actorOf(req), req.params.id);
      return reply.header('Content-Type', f.mime).header('Cache-Control', 'private, max-age=3600')
        .header('Content-Disposition', f.photo ? 'inline' : `attachment; filename="download"; filename*=UTF-8''${encodeURIComponent(f.name)}`)
        .send(f.bytes);
    });
}
