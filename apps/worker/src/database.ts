import type { ContextQuery, MethodDeps } from '@m4/http';

/** The part of the execution context a read needs: work that may finish after the response. */
export interface AfterResponse {
  waitUntil(promise: Promise<unknown>): void;
}

/** How a deployment of the worker reaches its database: one read per request. */
export interface WorkerDatabase {
  /** The read of one request (bounded by the handler's signal). */
  read(env: Env, requestId: string, ctx: AfterResponse): MethodDeps['readContext'];
  /** Configuration strings that must never reach a log line (passwords, URLs' credentials). */
  secrets(env: Env): readonly string[];
}

/** A read that fails as the database would, for a deployment missing its binding or secret. */
export function unconfigured(what: string): MethodDeps['readContext'] {
  return (_query: ContextQuery) => Promise.reject(new Error(`${what} is not configured`));
}
