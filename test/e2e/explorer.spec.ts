import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { mintToken, roleNames } from "@c360/auth";
import { loadConfig } from "@c360/config";
import { importDirectory } from "@c360/db";
import type { RunningGateway } from "@c360/gateway";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../testkit/browser";
import { tokenFor } from "../testkit/identity";
import { startExtraGateway, startTestStack, type TestStack } from "../testkit/stack";

/**
 * The explorer page at the gateway's `/`, in development (its role picker mints tokens) and in
 * production (off unless enabled; then a token field, no token route), driven in Debian's Chromium.
 */
const reference = join(import.meta.dirname, "../../../shared/data");
const artifacts = join(import.meta.dirname, "artifacts");

let t: TestStack;
let root: string;
beforeAll(async () => {
  t = await startTestStack(({ db }) => importDirectory(db, reference));
  root = t.stack.gatewayUrl.replace(/\/graphql$/, "/");
});
afterAll(() => t?.dispose());

type Session = { subject: string; roles: string[]; examples: { name: string; query: string }[]; schema: unknown };

async function sessionOf(token: string): Promise<{ status: number; body: Session }> {
  const response = await fetch(new URL("/explorer/session", root), { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, body: (await response.json()) as Session };
}

describe("the explorer's routes (development)", () => {
  it("serves the page under a content security policy that lets it talk to this gateway only, with every asset from the gateway", async () => {
    const response = await fetch(root);
    expect(response.status).toBe(200);
    const policy = response.headers.get("content-security-policy") ?? "";
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("connect-src 'self'");
    const html = await response.text();
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] as string);
    expect(assets.length).toBeGreaterThanOrEqual(5);
    for (const asset of assets) {
      expect(asset.startsWith("/explorer/")).toBe(true);
      expect((await fetch(new URL(asset, root))).status).toBe(200);
    }
    for (const path of ["/explorer/../package.json", "/explorer/%2e%2e/package.json", "/explorer/constructor"])
      expect((await fetch(new URL(path, root))).status).toBe(404);
  });

  it("mints a development token per role, subject dev-<role>, and refuses names that are not roles", async () => {
    const response = await fetch(new URL("/explorer/token?role=cx_lead", root));
    expect(response.status).toBe(200);
    const { token, subject } = (await response.json()) as { token: string; subject: string };
    expect(subject).toBe("dev-cx_lead");
    expect((await sessionOf(token)).body.subject).toBe("dev-cx_lead");
    for (const role of ["__proto__", "constructor", "", "root", "cx_lead\u0000"]) {
      const refused = await fetch(new URL(`/explorer/token?role=${encodeURIComponent(role)}`, root));
      expect(refused.status).toBe(400);
      expect(
        ((await refused.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code,
      ).toBe("BAD_REQUEST");
    }
  });

  it("gives every role at least one example, each of which runs for that role without an error", async () => {
    for (const role of roleNames) {
      const { status, body } = await sessionOf(await tokenFor(role));
      expect(status).toBe(200);
      expect(body.roles).toEqual([role]);
      expect(body.examples.length, role).toBeGreaterThan(0);
      const token = await tokenFor(role);
      for (const example of body.examples) {
        const reply = await t.query(example.query, {}, { token });
        expect(reply.errors, `${role} ${example.name}`).toBeUndefined();
      }
    }
  });

  it("gives the docs pane the token's own schema: a role sees only the fields it may read", async () => {
    const fieldsOf = (schema: unknown, type: string) =>
      (schema as { __schema: { types: { name: string; fields: { name: string }[] | null }[] } }).__schema.types
        .find((x) => x.name === type)
        ?.fields?.map((f) => f.name) ?? [];
    const care = (await sessionOf(await tokenFor("customer_care"))).body.schema;
    const marketing = (await sessionOf(await tokenFor("marketing_analyst"))).body.schema;
    expect(fieldsOf(care, "Customer")).toContain("email");
    expect(fieldsOf(marketing, "Customer")).not.toContain("email");
    expect(fieldsOf(marketing, "Query")).not.toContain("accessEvents");
  });

  it("gives a valid token whose roles open nothing a session without a schema, not a 500", async () => {
    for (const roles of [[], ["nope"], ["constructor"]]) {
      const token = await mintToken(loadConfig().identity, { subject: "no-role", roles });
      const { status, body } = await sessionOf(token);
      expect({ roles, status, schema: body.schema, examples: body.examples }).toEqual({
        roles,
        status: 200,
        schema: null,
        examples: [],
      });
    }
  });

  it("refuses a session without a valid token, coded", async () => {
    for (const token of ["", "not-a-jwt", `${await tokenFor("auditor")}x`]) {
      const { status, body } = await sessionOf(token);
      expect(status).toBe(401);
      expect(JSON.stringify(body)).toContain("UNAUTHENTICATED");
    }
  });

  it("answers a browser's GET of /graphql with a coded refusal, not Apollo's landing page", async () => {
    const response = await fetch(t.stack.gatewayUrl, { headers: { accept: "text/html" } });
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toContain("application/json");
  });
});

describe("the explorer in production", () => {
  const gateways: RunningGateway[] = [];
  const start = async (env: Record<string, string>) => {
    const config = loadConfig({
      ...process.env,
      NODE_ENV: "production",
      C360_SUBGRAPH_SECRET: "explorer-test-subgraph-secret-0123456789abcdef",
      ...env,
    });
    const gateway = await startExtraGateway({ subgraphUrls: t.stack.subgraphUrls, db: t.db, config });
    gateways.push(gateway);
    return gateway.url.replace(/\/graphql$/, "/");
  };
  afterAll(async () => {
    for (const g of gateways) await g.stop();
  });

  it("is off unless enabled: / is a coded 404", async () => {
    const base = await start({});
    const response = await fetch(base);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ errors: [{ message: "not found", extensions: { code: "NOT_FOUND" } }] });
  });

  it("enabled (C360_EXPLORER=on): the page asks for a token; there is no token route", async () => {
    const base = await start({ C360_EXPLORER: "on" });
    const page = await fetch(base);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('data-mode="production"');
    expect((await fetch(new URL("/explorer/token?role=c360_admin", base))).status).toBe(404);
    const session = await fetch(new URL("/explorer/session", base), {
      headers: { authorization: `Bearer ${await tokenFor("auditor")}` },
    });
    expect(session.status).toBe(200);
  });
});

describe("the explorer in Chromium", () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  });
  afterAll(() => browser?.close());

  /** The page's text at `selector` once it holds `expected` (a loaded machine may take seconds to render). */
  const shows = (selector: string, expected: string) =>
    expect.poll(() => page.locator(selector).textContent(), { timeout: 15_000 }).toContain(expected);

  /**
   * Runs the editor's operation until the result panel shows `expected` (GraphiQL reads the edited
   * document's operation name a moment after the edit, so a click right after typing may send the
   * previous one).
   */
  const runUntil = async (expected: string) => {
    const result = page.locator(".result-window");
    await expect
      .poll(
        async () => {
          await page.locator(".graphiql-execute-button").click();
          await page.waitForLoadState("networkidle");
          return result.textContent();
        },
        { timeout: 20_000, interval: 750 },
      )
      .toContain(expected);
    return (await result.textContent()) ?? "";
  };

  it("picks cx_fulfillment_analyst, runs the KPI example and shows its rows", async () => {
    const failed: string[] = [];
    page.on("requestfailed", (r) => failed.push(r.url()));
    await page.goto(root);
    await page.selectOption("#role", "cx_fulfillment_analyst");
    await shows("#status", "dev-cx_fulfillment_analyst");
    await shows(".graphiql-query-editor", "fulfillmentKpis");
    const result = await runUntil("periodStart");
    expect(result).toContain('"orders"');
    expect(result).not.toContain('"errors"');
    await page.screenshot({ path: join(artifacts, "kpi-rows.png") });
    expect(failed).toEqual([]);
  });

  it("picks marketing_analyst, asks for email and shows the FORBIDDEN error", async () => {
    await page.selectOption("#role", "marketing_analyst");
    await shows("#status", "dev-marketing_analyst");
    await page.locator(".graphiql-query-editor .CodeMirror").click();
    await page.keyboard.press("Control+A");
    await page.keyboard.insertText("query Emails { customers(first: 2) { edges { node { id email } } } }");
    expect(await runUntil("FORBIDDEN")).toContain("Customer.email");
    await page.screenshot({ path: join(artifacts, "forbidden-email.png") });
  });
});
