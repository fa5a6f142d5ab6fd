// Fastify typing shared by every route file.
import type { FastifyInstance, FastifyBaseLogger, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Actor } from '../actor.js';

export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, TypeBoxTypeProvider>;

/** Who may call a route: 'public' needs no session; 'password-change' allows a session that must change its password. */
export type RouteAuth = 'public' | 'session' | 'password-change';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    sessionId: string | null;
  }
  interface FastifyContextConfig {
    auth?: RouteAuth;
  }
}

/** The actor of an authenticated route (the auth hook guarantees it). */
export function actorOf(req: { actor: Actor | null }): Actor {
  if (!req.actor) throw new Error('route reached without an actor');
  return req.actor;
}
