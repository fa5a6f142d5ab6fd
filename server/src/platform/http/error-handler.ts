// One place maps errors to HTTP: domain AppErrors keep their code; validation errors become Chinese;
// anything unexpected is a 500 whose body hides internals and carries the request id.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import * as zhModule from 'ajv-i18n/localize/zh/index.js';
import { AppError } from '../errors.js';
import { FIELD_LABELS } from '../../../../contracts/labels.js';
import { BASE_FACTS } from '../../../../contracts/standard.js';
import type { ErrorBody } from '../../../../contracts/errors.js';

// The package is CommonJS: under ESM its function may sit on .default or be the module itself.
const localizeZh = ((zhModule as unknown as { default?: unknown }).default ?? zhModule) as (errors: unknown) => void;

type AjvError = { instancePath?: string; params?: Record<string, unknown>; message?: string; keyword?: string };

function fieldOf(e: AjvError): string {
  const path = (e.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
  const missing = e.params?.missingProperty as string | undefined;
  const extra = e.params?.additionalProperty as string | undefined;
  return missing ?? extra ?? path;
}
/** A base fact's name holds dots ('facts.activityRoom.seats'): its label comes from BASE_FACTS, not from the last segment. */
const factLabel = (field: string) => (field.startsWith('facts.') ? (BASE_FACTS as Record<string, { label: string }>)[field.slice(6)]?.label : undefined);
const label = (field: string) => factLabel(field) ?? FIELD_LABELS[field.split('.').pop() ?? field] ?? field;

export function validationBody(errors: AjvError[], requestId: string): ErrorBody {
  localizeZh(errors);
  const details = errors.slice(0, 20).map((e) => {
    const field = fieldOf(e);
    let message: string;
    if (e.keyword === 'required') message = `缺少必填项“${label(field)}”`;
    else if (e.keyword === 'additionalProperties' && e.instancePath === '/facts') {
      message = field === 'memberCount' ? '“党员人数”取自党员名册，不能在阵地档案中填写' : `阵地档案中没有“${field}”这一项，不允许提交`;
    } else if (e.keyword === 'additionalProperties') message = `不允许提交字段“${field}”`;
    else message = `“${label(field)}”${e.message ?? '格式不正确'}`;
    return { field, message };
  });
  return { code: 'VALIDATION', message: details[0]?.message ?? '提交的数据格式不正确', requestId, details };
}

export function errorHandler(error: FastifyError & { validation?: AjvError[] }, req: FastifyRequest, reply: FastifyReply) {
  const requestId = String(req.id);
  if (error instanceof AppError) {
    const body: ErrorBody = { code: error.code, message: error.message, requestId, ...(error.details ? { details: error.details } : {}) };
    return reply.status(error.status).send(body);
  }
  if (error.validation) return reply.status(400).send(validationBody(error.validation, requestId));
  const status = error.statusCode ?? 500;
  if (status === 429) return reply.status(429).send({ code: 'RATE_LIMITED', message: '请求过于频繁，请稍后再试', requestId });
  if (status === 413 || error.code === 'FST_REQ_FILE_TOO_LARGE' || error.code === 'FST_FILES_LIMIT') {
    return reply.status(413).send({ code: 'PAYLOAD_TOO_LARGE', message: '上传的文件或数据过大', requestId });
  }
  if (status === 415 || error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return reply.status(415).send({ code: 'UNSUPPORTED_MEDIA', message: '不支持的请求格式', requestId });
  }
  if (status >= 400 && status < 500) {
    const message = error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
      ? '请求内容不是有效的 JSON' : '请求无效';
    return reply.status(status).send({ code: 'VALIDATION', message, requestId });
  }
  req.log.error({ err: error }, 'unhandled error');
  return reply.status(500).send({ code: 'INTERNAL', message: `服务器内部错误，请联系管理员（请求编号 ${requestId}）`, requestId });
}
