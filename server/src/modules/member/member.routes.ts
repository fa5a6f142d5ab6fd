import { Type } from 'typebox';
import type { App } from '../../platform/http/types.js';
import { actorOf } from '../../platform/http/types.js';
import type { MemberService } from './member.service.js';
import { writeImportTemplate } from './member.xlsx.js';
import { fileStamp, sendXlsx } from '../../platform/http/xlsx-reply.js';
import {
  IdParams, MemberCreateBody, MemberDetail, MemberListPage, MemberListQuery, MemberTransferBody, MemberUpdateBody,
} from '../../../../contracts/schemas.js';


export function registerMemberRoutes(app: App, deps: { members: MemberService }) {
  const { members } = deps;
  const tags = ['members'];
  app.get('/api/members', { schema: { tags, summary: '党员列表', querystring: MemberListQuery, response: { 200: MemberListPage } } },
    async (req) => members.list(actorOf(req), req.query));
  app.get('/api/members/export', { schema: { tags, summary: '导出党员（Excel）', querystring: Type.Omit(MemberListQuery, ['page', 'pageSize']) } },
    async (req, reply) => {
      const write = await members.exportXlsx(actorOf(req), req.query);
      return sendXlsx(req, reply, `党员信息_${fileStamp()}.xlsx`, write);
    });
  app.get('/api/members/import-template', { schema: { tags, summary: '党员导入模板' } }, async (req, reply) => {
    actorOf(req);
    return sendXlsx(req, reply, '党员信息导入模板.xlsx', writeImportTemplate);
  });
  app.get('/api/members/:id', { schema: { tags, summary: '党员完整信息（记入审计）', params: IdParams, response: { 200: MemberDetail } } },
    async (req) => members.get(actorOf(req), req.params.id));
  app.post('/api/members', { schema: { tags, summary: '新增党员', body: MemberCreateBody, response: { 200: MemberDetail } } },
    async (req) => members.create(actorOf(req), req.body));
  app.put('/api/members/:id', { schema: { tags, summary: '修改党员', params: IdParams, body: MemberUpdateBody, response: { 200: MemberDetail } } },
    async (req) => members.update(actorOf(req), req.params.id, req.body));
  app.post('/api/members/:id/transfer', { schema: { tags, summary: '组织关系转接', params: IdParams, body: MemberTransferBody, response: { 200: MemberDetail } } },
    async (req) => members.transfer(actorOf(req), req.params.id, req.body));
}
