import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { policyVersion } from "@c360/auth";
import { seed } from "@c360/db";
import type { RunningGateway } from "@c360/gateway";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tokenFor } from "../testkit/identity";
import { startExtraGateway, startTestStack, type TestStack } from "../testkit/stack";

/** One policy version everywhere: reported by every process, recorded in every event, checked at readiness. */
let t: TestStack;
let impostor: Server;
let gateway: RunningGateway | undefined;
beforeAll(async () => {
  t = await startTestStack(({ db }) => seed(db, { scale: 0.01, seed: 1 }));
  // A customer subgraph that is up but enforces another version of the policy.
  impostor = createServer((req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(req.url === "/readyz" ? { status: "ready", policyVersion: "0123456789abcdef" } : {}));
  });
  await new Promise<void>((resolve) => impostor.listen(0, "127.0.0.1", resolve));
});
afterAll(async () => {
  await gateway?.stop();
  impostor?.close();
  await t?.dispose();
});

const readyz = (graphqlUrl: string) => fetch(graphqlUrl.replace(/\/graphql$/, "/readyz"));

describe("the policy version", () => {
  it("is the same in accessPolicy, every data product and every process's /readyz", async () => {
    const reply = await t.query<{
      accessPolicy: { version: string };
      dataProducts: Record<string, { policyVersion: string }>;
    }>(
      "{ accessPolicy { version } dataProducts { customer { policyVersion } cxKpi { policyVersion } governance { policyVersion } } }",
    );
    expect(reply.errors).toBeUndefined();
    expect(reply.data?.accessPolicy.version).toBe(policyVersion);
    expect(Object.values(reply.data?.dataProducts ?? {}).map((p) => p.policyVersion)).toEqual([
      policyVersion,
      policyVersion,
      policyVersion,
    ]);
    for (const url of [t.stack.gatewayUrl, ...Object.values(t.stack.subgraphUrls)]) {
      const response = await readyz(url);
      expect(response.status, url).toBe(200);
      expect(await response.json()).toEqual({ status: "ready", policyVersion });
    }
  });

  it("is recorded in every access event", async () => {
    await t.query("query Versioned { dataProducts { customer { name } } }", {}, { token: await tokenFor("auditor") });
    await t.stack.audit.flush();
    const rows = await t.db.query<{ v: string }>(
      "SELECT policy_version AS v FROM audit.access_events WHERE operation_name = 'Versioned'",
    );
    expect(rows).toEqual([{ v: policyVersion }]);
  });

  it("keeps the gateway unready while a subgraph enforces another version", async () => {
    const { port } = impostor.address() as AddressInfo;
    gateway = await startExtraGateway({
      subgraphUrls: { ...t.stack.subgraphUrls, customer: `http://127.0.0.1:${port}/graphql` },
      db: t.db,
    });
    const response = await readyz(gateway.url);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "not ready", policyVersion });
  });
});
