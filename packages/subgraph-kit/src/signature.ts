import { createHmac, timingSafeEqual } from "node:crypto";

/** The header the gateway signs subgraph requests with: `t=<unix seconds>,v1=<hex HMAC-SHA256>`. */
export const SIGNATURE_HEADER = "x-c360-signature";

/** How far a signature's time may be from the subgraph's clock. */
const TOLERANCE_SECONDS = 60;

/**
 * The secret for one subgraph, derived from `C360_SUBGRAPH_SECRET` (HMAC of the subgraph's name),
 * so a leaked subgraph secret opens no other subgraph. Undefined when the root secret is unset.
 */
export function subgraphSecret(name: string, env: NodeJS.ProcessEnv = process.env): Buffer | undefined {
  const root = env.C360_SUBGRAPH_SECRET;
  if (!root) return undefined;
  if (root.length < 32) throw new Error("C360_SUBGRAPH_SECRET must be at least 32 characters");
  return createHmac("sha256", root).update(`subgraph:${name}`).digest();
}

const mac = (secret: Buffer, time: number, body: string) =>
  createHmac("sha256", secret).update(`${time}.${body}`).digest("hex");

/** The signature header value for `body`. */
export function sign(secret: Buffer, body: string, now = Date.now()): string {
  const time = Math.floor(now / 1000);
  return `t=${time},v1=${mac(secret, time, body)}`;
}

/** Whether `header` signs exactly `body` with `secret`, recently enough. */
export function verifySignature(secret: Buffer, header: string | undefined, body: string, now = Date.now()): boolean {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header ?? "");
  if (!match) return false;
  const time = Number(match[1]);
  if (Math.abs(now / 1000 - time) > TOLERANCE_SECONDS) return false;
  return timingSafeEqual(Buffer.from(match[2] as string, "hex"), Buffer.from(mac(secret, time, body), "hex"));
}
