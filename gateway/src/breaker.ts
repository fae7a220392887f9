/**
 * A circuit breaker for one subgraph: after `threshold` consecutive failures it opens and fails fast
 * for `openMs`; then it lets one probe through (half open): a success closes it, a failure opens it
 * again. Failures are network errors and 5xx answers, not a client's 4xx (a refused cost, an answer
 * too large). A fetch that timed out counts once per subject between successes (`timedOut`): one
 * client's slow requests are that client's own, and must not take the subgraph from everyone else.
 */
export class CircuitBreaker {
  private failures = 0;
  private openedAt: number | null = null;
  private probing = false;
  /** The subjects whose timeout counted since the last success (or since the breaker opened). */
  private readonly slow = new Set<string>();

  constructor(
    readonly name: string,
    private readonly options: { threshold?: number; openMs?: number; now?: () => number } = {},
  ) {}

  get state(): "closed" | "open" | "half-open" {
    if (this.openedAt === null) return "closed";
    return this.now() - this.openedAt >= (this.options.openMs ?? 5_000) ? "half-open" : "open";
  }

  /** Whether a request may go out now (in half-open state, only one at a time). */
  allow(): boolean {
    const state = this.state;
    if (state === "closed") return true;
    if (state === "open" || this.probing) return false;
    this.probing = true;
    return true;
  }

  success(): void {
    this.failures = 0;
    this.openedAt = null;
    this.probing = false;
    this.slow.clear();
  }

  failure(): void {
    this.probing = false;
    if (this.openedAt !== null || ++this.failures >= (this.options.threshold ?? 5)) {
      this.openedAt = this.now();
      this.slow.clear();
    }
  }

  /** A fetch for `subject` got no answer in time: a failure, unless that subject's last one counted already. */
  timedOut(subject: string): void {
    if (this.state === "closed" && this.slow.has(subject)) return;
    this.slow.add(subject);
    this.failure();
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }
}
