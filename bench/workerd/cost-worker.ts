/**
 * Bench-only worker (bench/workerd/wrangler.jsonc), run by `wrangler dev` for the in-workerd
 * cost figure. `POST /cost?n=N[&mode=driver]` with a JSON CostInput runs N iterations of the method's
 * in-process work and reports what workerd's own clocks saw; the bench also times the request
 * from outside and subtracts an n=0 baseline, so the figure holds even where the clock stands
 * still during CPU work (as it does on Cloudflare's edge).
 */
import { type CostInput, type CostMode, costIteration } from '../src/cost-iteration';

const MAX_ITERATIONS = 100_000;

async function cost(request: Request, n: number, mode: CostMode): Promise<Response> {
  const input = (await request.json()) as CostInput;
  const iteration = costIteration(input, mode);
  let bytes = 0;
  const perf0 = performance.now();
  const date0 = Date.now();
  for (let i = 0; i < n; i++) bytes += await iteration();
  const perfMs = performance.now() - perf0;
  const dateMs = Date.now() - date0;
  return Response.json({ n, perfMs, dateMs, bytes });
}

/** The smallest step performance.now() takes, and whether it moves during pure CPU work. */
function clock(): Response {
  const steps: number[] = [];
  let last = performance.now();
  let spins = 0;
  while (steps.length < 5 && spins < 50_000_000) {
    spins++;
    const now = performance.now();
    if (now !== last) {
      steps.push(now - last);
      last = now;
    }
  }
  return Response.json({
    advancedDuringCpuWork: steps.length > 0,
    smallestStepMs: steps.length > 0 ? Math.min(...steps) : null,
    spins,
  });
}

export default {
  async fetch(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname === '/health') return new Response('ok');
    if (url.pathname === '/clock') return clock();
    if (url.pathname === '/cost' && request.method === 'POST') {
      const n = Number(url.searchParams.get('n') ?? '0');
      if (!Number.isInteger(n) || n < 0 || n > MAX_ITERATIONS) {
        return new Response('n must be an integer 0–100000', { status: 400 });
      }
      const mode = url.searchParams.get('mode') === 'driver' ? 'driver' : 'method';
      return cost(request, n, mode);
    }
    return new Response('not found', { status: 404 });
  },
};
