/** Why a call produced no M4 document. */
export type TransportFailure =
  | 'unreachable'
  | 'timeout'
  | 'aborted'
  | 'unexpected_status'
  | 'not_m4_document';

/**
 * The call did not produce an M4 document: the network failed, the timeout passed, the caller
 * aborted, or the answer was not one of the method's documents with one of its statuses. Its
 * message names the endpoint's origin and the reason, never the secret or the hash.
 */
export class M4TransportError extends Error {
  override name = 'M4TransportError';
  readonly code: TransportFailure;
  /** The HTTP status, when a response arrived. */
  readonly status?: number;

  constructor(
    message: string,
    options: { code: TransportFailure; status?: number | undefined; cause?: unknown },
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = options.code;
    if (options.status !== undefined) this.status = options.status;
  }
}
