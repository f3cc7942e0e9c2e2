import { Agent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';

export interface HttpRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export interface HttpResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  /** From writing the request to the last byte of the response. */
  ms: number;
}

const OVERSIZED_BYTES = 65536;

export interface HttpClient {
  send(request: HttpRequest): Promise<HttpResponse>;
  close(): void;
}

/**
 * A keep-alive HTTP/1.1 client over node:http: far less overhead per request than fetch, so
 * the latencies are the server's rather than the load generator's. Every request is bounded by
 * `timeoutMs` (it fails rather than waits for ever).
 */
export function createHttpClient(
  baseUrl: string,
  options: { maxSockets: number; timeoutMs?: number },
): HttpClient {
  const base = new URL(baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: options.maxSockets });
  const timeoutMs = options.timeoutMs ?? 30_000;
  return {
    send: (req) =>
      new Promise<HttpResponse>((resolve, reject) => {
        const started = performance.now();
        const headers: Record<string, string | number> = { ...req.headers };
        const length = req.body === undefined ? 0 : Buffer.byteLength(req.body);
        if (req.body !== undefined) headers['content-length'] = length;
        // A server may answer an oversized body early and close the connection before reading
        // it all (wrangler dev's proxy then refuses the connection's next request): such a
        // request gets a connection of its own.
        const oversized = length > OVERSIZED_BYTES;
        if (oversized) headers.connection = 'close';
        let answered = false;
        const outgoing = httpRequest(
          {
            host: base.hostname,
            port: base.port,
            method: req.method,
            path: req.path,
            headers,
            agent: oversized ? false : agent,
          },
          (res) => {
            answered = true;
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('error', reject);
            res.on('end', () =>
              resolve({
                status: res.statusCode ?? 0,
                headers: res.headers,
                body: Buffer.concat(chunks).toString('utf8'),
                ms: performance.now() - started,
              }),
            );
          },
        );
        outgoing.setTimeout(timeoutMs, () => {
          outgoing.destroy(new Error(`no answer within ${timeoutMs} ms`));
        });
        outgoing.on('error', (error) => {
          // Writing the rest of a body the server has already answered: the answer stands.
          if (!answered) reject(error);
        });
        outgoing.end(req.body);
      }),
    close: () => agent.destroy(),
  };
}
