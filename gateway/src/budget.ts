import { refusal } from "@c360/errors";

export interface BudgetOptions {
  /** Requests one subject may have in flight at once. */
  concurrency: number;
  /** Estimated cost (the limits' static cost) one subject may have in flight at once. */
  costInFlight: number;
  /** Requests per second one subject may send, sustained... */
  ratePerSecond: number;
  /** ...and in a burst. */
  burst: number;
  /** Subjects remembered at most; idle ones are forgotten first. */
  maxSubjects?: number;
  now?: () => number;
}

interface Account {
  inFlight: number;
  cost: number;
  tokens: number;
  at: number;
}

/** `RATE_LIMITED`, HTTP 429 with `Retry-After` (whole seconds). */
const rateLimited = (message: string, retryAfterSeconds: number) =>
  refusal("RATE_LIMITED", message, {
    headers: { "retry-after": String(Math.max(1, Math.ceil(retryAfterSeconds))) },
  });

/**
 * Each subject's share of the gateway: a number of requests and an amount of estimated cost in
 * flight, and a rate (token bucket). One client's heavy or numerous queries wait their turn as 429s
 * instead of loading the subgraphs until other users' requests time out (and their breakers open).
 */
export class SubjectBudget {
  private readonly accounts = new Map<string, Account>();

  constructor(private readonly options: BudgetOptions) {}

  /** Admits one request of `subject` costing `cost`, or throws `RATE_LIMITED`; returns its release. */
  admit(subject: string, cost: number): () => void {
    const { concurrency, costInFlight, ratePerSecond, burst } = this.options;
    const now = (this.options.now ?? Date.now)();
    const account = this.account(subject, now);
    account.tokens = Math.min(burst, account.tokens + ((now - account.at) / 1000) * ratePerSecond);
    account.at = now;
    if (account.inFlight >= concurrency)
      throw rateLimited(`too many requests in flight for this subject (at most ${concurrency})`, 1);
    // A request heavier than the whole allowance runs alone; others wait for room.
    if (account.inFlight > 0 && account.cost + cost > costInFlight)
      throw rateLimited(`too much estimated cost in flight for this subject (at most ${costInFlight})`, 1);
    if (account.tokens < 1)
      throw rateLimited(
        `more than ${ratePerSecond} requests per second for this subject`,
        (1 - account.tokens) / ratePerSecond,
      );
    account.tokens -= 1;
    account.inFlight++;
    account.cost += cost;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      account.inFlight--;
      account.cost -= cost;
    };
  }

  private account(subject: string, now: number): Account {
    const known = this.accounts.get(subject);
    if (known) return known;
    const max = this.options.maxSubjects ?? 100_000;
    if (this.accounts.size >= max) {
      // Forget the oldest idle accounts: an idle account is as good as a new one once its bucket refills.
      for (const [name, account] of this.accounts) {
        if (this.accounts.size < max) break;
        if (account.inFlight === 0) this.accounts.delete(name);
      }
    }
    const account = { inFlight: 0, cost: 0, tokens: this.options.burst, at: now };
    this.accounts.set(subject, account);
    return account;
  }
}
