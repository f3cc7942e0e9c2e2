/** Counts Execute calls in total and per request id, remembering at most `capacity` ids. */
export class StatementCounter {
  #total = 0;
  readonly #byRequest = new Map<string, number>();
  readonly #capacity: number;

  constructor(capacity = 10_000) {
    this.#capacity = capacity;
  }

  get total(): number {
    return this.#total;
  }

  count(requestId: string | undefined): void {
    this.#total += 1;
    if (requestId === undefined || requestId === '') return;
    const seen = this.#byRequest.get(requestId) ?? 0;
    // delete + set moves the id to the newest end, so the oldest id is evicted first
    this.#byRequest.delete(requestId);
    this.#byRequest.set(requestId, seen + 1);
    if (this.#byRequest.size > this.#capacity) {
      const oldest = this.#byRequest.keys().next();
      if (!oldest.done) this.#byRequest.delete(oldest.value);
    }
  }

  forRequest(requestId: string): number {
    return this.#byRequest.get(requestId) ?? 0;
  }

  reset(): void {
    this.#total = 0;
    this.#byRequest.clear();
  }
}
