import { createServer, type Server } from "node:http";
import { seed } from "@c360/db";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../testkit/browser";
import { tokenFor } from "../testkit/identity";
import { startTestStack, type TestStack } from "../testkit/stack";

/**
 * A web app on another origin calls the gateway from Chromium (C360_CORS_ORIGINS): two loopback
 * pages, one from the listed origin and one from another, each running the same fetch of the gateway
 * at `localhost` with a bearer token and a JSON body. The browser enforces the answer's CORS headers.
 */
const QUERY = "{ customers(first: 2) { edges { node { id email } } } }";

/** What the page's script leaves in `window.outcome`: the answer it read, or why its fetch rejected. */
type Outcome = { status?: number; requestId?: string | null; body?: unknown; error?: string };

/** The page: its script fetches `call.url` once loaded and leaves the outcome for the test to read. */
const pageOf = (call: { url: string; token: string; requestId: string }) => `<!doctype html>
<html><head><meta charset="utf-8"><title>app</title></head><body>
<script type="application/json" id="call">${JSON.stringify({ ...call, query: QUERY }).replaceAll("<", "\\u003c")}</script>
<script type="module">
  const { url, token, requestId, query } = JSON.parse(document.getElementById("call").textContent);
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: "Bearer " + token, "x-request-id": requestId },
      body: JSON.stringify({ query }),
    });
    window.outcome = { status: response.status, requestId: response.headers.get("x-request-id"), body: await response.json() };
  } catch (error) {
    window.outcome = { error: String(error) };
  }
</script></body></html>`;

/** A loopback server giving every request the page from `html` (set once the gateway's address is known). */
async function pageServer(): Promise<{ server: Server; origin: string; serve(html: string): void }> {
  let html = "";
  const server = createServer((_, res) => res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    server,
    origin: `http://127.0.0.1:${port}`,
    serve: (page) => {
      html = page;
    },
  };
}

let t: TestStack;
let browser: Browser;
let listed: Awaited<ReturnType<typeof pageServer>>;
let other: Awaited<ReturnType<typeof pageServer>>;
let gatewayUrl: string;
beforeAll(async () => {
  [listed, other] = await Promise.all([pageServer(), pageServer()]);
  t = await startTestStack(({ db }) => seed(db, { scale: 0.01, seed: 1 }), { C360_CORS_ORIGINS: listed.origin });
  // Another host name than the pages' too: the call crosses origins by host and port.
  gatewayUrl = t.stack.gatewayUrl.replace("://127.0.0.1:", "://localhost:");
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await t?.dispose();
  for (const page of [listed, other]) await new Promise((resolve) => page?.server.close(resolve));
});

/** Opens the page `from` serves (calling the gateway with `requestId`) in Chromium; what its fetch gave. */
async function outcomeOf(from: typeof listed, requestId: string): Promise<Outcome> {
  from.serve(pageOf({ url: gatewayUrl, token: await tokenFor("c360_admin"), requestId }));
  const page = await browser.newPage();
  try {
    await page.goto(from.origin);
    const outcome = await page.waitForFunction(() => (window as { outcome?: unknown }).outcome, undefined, {
      timeout: 15_000,
    });
    return (await outcome.jsonValue()) as Outcome;
  } finally {
    await page.close();
  }
}

/** The trail's events of `requestId` (flushed first). */
async function eventsOf(requestId: string): Promise<number> {
  await t.stack.audit.flush();
  const [row] = await t.db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM audit.access_events WHERE request_id = $1",
    [requestId],
  );
  return row?.n ?? 0;
}

describe("a web app on another origin, in Chromium", () => {
  it("gets the answer on the listed origin, with the request's id readable", async () => {
    const expected = await t.query(QUERY);
    expect((expected.data as { customers: { edges: unknown[] } }).customers.edges).toHaveLength(2);
    expect(await outcomeOf(listed, "browser-listed-1")).toEqual({
      status: 200,
      requestId: "browser-listed-1",
      body: expected,
    });
    expect(await eventsOf("browser-listed-1")).toBe(1);
  });

  it("is blocked by the browser on an origin not listed: the fetch rejects and the request never reaches the graph", async () => {
    const outcome = await outcomeOf(other, "browser-other-1");
    expect(outcome).toEqual({ error: "TypeError: Failed to fetch" });
    expect(await eventsOf("browser-other-1")).toBe(0);
  });
});
