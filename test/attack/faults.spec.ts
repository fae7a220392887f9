import { createTokenVerifier } from "@c360/auth";
import { loadConfig } from "@c360/config";
import { seed } from "@c360/db";
import { openDatabase } from "@c360/db-client";
import { subgraphs } from "@c360/platform";
import { type RunningServer, startSubgraph } from "@c360/subgraph-kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKind } from "../testkit/database";
import { startExtraGateway, startTestStack, type TestStack } from "../testkit/stack";

let t: TestStack;
let restarted: RunningServer | undefined;
beforeAll(async () => {
  t = await startTestStack(({ db }) => seed(db, { scale: 0.01, seed: 1 }));
});
afterAll(async () => {
  await restarted?.stop();
  await t.dispose();
});

const status = async (url: string) => (await fetch(url)).status;
const health = (graphqlUrl: string, path: "healthz" | "readyz") => graphqlUrl.replace(/graphql$/, path);

describe("health, faults and shutdown", () => {
  it("is not ready while the database its access trail writes to is not migrated", async () => {
    const empty = await openDatabase({ pgliteDir: "memory://" });
    const gateway = await startExtraGateway({ subgraphUrls: t.stack.subgraphUrls, db: empty });
    try {
      expect(await status(health(t.stack.gatewayUrl, "readyz"))).toBe(200);
      expect(await status(health(gateway.url, "readyz"))).toBe(503);
    } finally {
      await gateway.stop();
      await empty.close();
    }
  });

  it("answers /healthz and /readyz on the gateway and every subgraph", async () => {
    for (const url of [t.stack.gatewayUrl, ...Object.values(t.stack.subgraphUrls)]) {
      expect({ url, alive: await status(health(url, "healthz")), ready: await status(health(url, "readyz")) }).toEqual({
        url,
        alive: 200,
        ready: 200,
      });
    }
  });

  it("serves partial data with a retryable error while a subgraph is down, opens its breaker, and recovers", async () => {
    const query = '{ customer(id: "CUST001") { id firstName purchaseSummary { transactionCount } } }';
    const salesUrl = t.stack.subgraphUrls.sales as string;
    await t.stack.subgraphServers.sales?.stop();
    for (let i = 0; i < 6; i++) {
      const down = await t.query<{ customer: { id: string; purchaseSummary: unknown } }>(query);
      expect(down.data?.customer).toMatchObject({ id: "CUST001", purchaseSummary: null });
      expect(down.errors?.map((e) => [e.message, e.extensions?.code])).toEqual([
        ["Temporarily unavailable; retry shortly", "SERVICE_UNAVAILABLE"],
      ]);
      expect(JSON.stringify(down)).not.toContain("127.0.0.1");
    }
    // Five failures in a row open the breaker: the sixth request did not even try the network.
    expect(t.stack.breakers.get("sales")?.state).toBe("open");
    expect(await status(health(t.stack.gatewayUrl, "readyz"))).toBe(503);
    expect(await status(health(t.stack.gatewayUrl, "healthz"))).toBe(200);

    const sales = subgraphs.find((s) => s.name === "sales");
    if (!sales) throw new Error("no sales subgraph");
    const config = loadConfig();
    const verify = await createTokenVerifier(config.identity);
    restarted = await startSubgraph(sales, t.db, { port: Number(new URL(salesUrl).port), verify, config });
    // After its open period the breaker lets one probe through, which closes it.
    await new Promise((r) => setTimeout(r, 5_100));
    const back = await t.query<{ customer: { purchaseSummary: { transactionCount: number } | null } }>(query);
    expect(back.errors).toBeUndefined();
    expect(back.data?.customer.purchaseSummary?.transactionCount).toBeGreaterThanOrEqual(0);
    expect(await status(health(t.stack.gatewayUrl, "readyz"))).toBe(200);
    expect(t.stack.breakers.get("sales")?.state).toBe("closed");
  });

  it.runIf(databaseKind === "postgres")("cancels a statement past statement_timeout with a clean error", async () => {
    const db = await openDatabase({ url: process.env.DATABASE_URL as string, statementTimeoutMs: 200 });
    try {
      await expect(db.query("SELECT pg_sleep(2)")).rejects.toThrow(/statement timeout/);
      expect(await db.query("SELECT 1 AS ok")).toEqual([{ ok: 1 }]);
    } finally {
      await db.close();
    }
  });
});
