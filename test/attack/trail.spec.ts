import { createHash, randomUUID } from "node:crypto";
import { gzipSync } from "node:zlib";
import { seed } from "@c360/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tokenFor } from "../testkit/identity";
import { type Endpoints, send, startProcessTestStack, type TestStack } from "../testkit/stack";

/**
 * The access trail against odd and hostile requests, at the gateway as deployed (six production-mode
 * processes on Postgres; in process on PGlite): every request leaves exactly one event, whatever
 * refused it and wherever, and nothing a client sends is stored unbounded or unprintable.
 */
let t: TestStack<Endpoints>;
let token: string;
beforeAll(async () => {
  t = await startProcessTestStack(({ db }) => seed(db, { scale: 0.01, seed: 1 }));
  token = await tokenFor("marketing_analyst");
});
afterAll(() => t.dispose());

interface Event {
  subject: string | null;
  roles: string[];
  operation_name: string | null;
  outcome: string;
  status: number;
  codes: string[];
}

const lastEventId = async () =>
  Number(
    ((await t.db.query("SELECT coalesce(max(event_id), 0) AS id FROM audit.access_events")) as [{ id: string }])[0].id,
  );

/** The events after `since`, once `count` of them are written (the gateway writes every 200 ms). */
async function eventsAfter(since: number, count: number): Promise<Event[]> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const events = await t.db.query<Event>(
      `SELECT subject, roles, operation_name, outcome, status, codes FROM audit.access_events
       WHERE event_id > $1 ORDER BY event_id`,
      [since],
    );
    if (events.length >= count || Date.now() > deadline) return events;
    await new Promise((r) => setTimeout(r, 100));
  }
}

const json = { "content-type": "application/json" };
const op = (body: Record<string, unknown>) => JSON.stringify(body);
const ok = '{ customer(id: "CUST001") { id } }';

/** [what, request, status, code]: requests refused at every stage before and inside execution. */
const odd: [
  string,
  () => { method?: string; headers?: Record<string, string>; body?: string | Uint8Array },
  number,
  string,
][] = [
  ["malformed JSON", () => ({ headers: json, body: "{ nope" }), 400, "BAD_REQUEST"],
  ["an empty body", () => ({ headers: json, body: "" }), 400, "BAD_REQUEST"],
  ["a batch", () => ({ headers: json, body: JSON.stringify([{ query: ok }, { query: ok }]) }), 400, "BAD_REQUEST"],
  ["query not a string", () => ({ headers: json, body: op({ query: 42 }) }), 400, "BAD_REQUEST"],
  ["variables not an object", () => ({ headers: json, body: op({ query: ok, variables: [1] }) }), 400, "BAD_REQUEST"],
  [
    "the depth limit",
    () => ({
      headers: json,
      body: op({ query: `{ customer(id: "1") ${"{ marketplace ".repeat(12)}{ code } ${"} ".repeat(12)}}` }),
    }),
    400,
    "DEPTH_LIMIT_EXCEEDED",
  ],
  [
    "a CSRF block (a simple content type)",
    () => ({ headers: { "content-type": "text/plain" }, body: op({ query: ok }) }),
    400,
    "BAD_REQUEST",
  ],
  ["PUT", () => ({ method: "PUT", headers: json, body: op({ query: ok }) }), 405, "METHOD_NOT_ALLOWED"],
  [
    "a body over the limit",
    () => ({ headers: json, body: op({ query: ok, variables: { pad: "x".repeat(300_000) } }) }),
    413,
    "REQUEST_TOO_LARGE",
  ],
  [
    "an unknown content-encoding",
    () => ({ headers: { ...json, "content-encoding": "zstd" }, body: op({ query: ok }) }),
    415,
    "UNSUPPORTED_MEDIA_TYPE",
  ],
  [
    "gzip that is not gzip",
    () => ({ headers: { ...json, "content-encoding": "gzip" }, body: op({ query: ok }) }),
    400,
    "BAD_REQUEST",
  ],
  [
    "a body that is not UTF-8",
    () => ({ headers: json, body: new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]) }),
    400,
    "BAD_REQUEST",
  ],
  [
    "a 100 KB token",
    () => ({ headers: { ...json, authorization: `Bearer ${"a".repeat(100_000)}` }, body: op({ query: ok }) }),
    431,
    "REQUEST_HEADER_TOO_LARGE",
  ],
  [
    "an unknown operationName",
    () => ({ headers: json, body: op({ query: `query A ${ok}`, operationName: "B" }) }),
    400,
    "OPERATION_RESOLUTION_FAILURE",
  ],
  [
    "a persisted-query hash",
    () => ({ headers: json, body: op({ extensions: { persistedQuery: { version: 1, sha256Hash: "f".repeat(64) } } }) }),
    400,
    "PERSISTED_QUERY_NOT_SUPPORTED",
  ],
  ["no token", () => ({ headers: { ...json, authorization: "" }, body: op({ query: ok }) }), 401, "UNAUTHENTICATED"],
  [
    "a forged token",
    () => ({ headers: { ...json, authorization: "Bearer a.b.c" }, body: op({ query: ok }) }),
    401,
    "UNAUTHENTICATED",
  ],
  [
    "a GET with malformed variables",
    () => ({ method: "GET", headers: { "apollo-require-preflight": "1" } }),
    400,
    "BAD_REQUEST",
  ],
];

const gatewayRequest = (request: ReturnType<(typeof odd)[number][1]>) => {
  const url = new URL(t.stack.gatewayUrl);
  if (request.method === "GET") {
    url.searchParams.set("query", ok);
    url.searchParams.set("variables", "{nope");
  }
  return send(t.stack, url.toString(), {
    method: request.method ?? "POST",
    headers: { authorization: `Bearer ${token}`, ...request.headers },
    ...(request.body !== undefined ? { body: request.body } : {}),
  });
};

describe("the access trail records every request", () => {
  it("leaves one event, with its status and code, for each request refused at any stage", async () => {
    const since = await lastEventId();
    const answered: { status: number; code: unknown }[] = [];
    for (const [, request] of odd) {
      const response = await gatewayRequest(request());
      const body = (await response.json().catch(() => ({}))) as { errors?: { extensions?: { code?: string } }[] };
      answered.push({ status: response.status, code: body.errors?.[0]?.extensions?.code });
    }
    expect(answered).toEqual(odd.map(([, , status, code]) => ({ status, code })));
    const events = await eventsAfter(since, odd.length);
    expect(events.map((e) => ({ status: e.status, codes: e.codes }))).toEqual(
      odd.map(([, , status, code]) => ({ status, codes: [code] })),
    );
    expect(events.map((e) => e.outcome)).toEqual(
      odd.map(([, , status]) => (status === 401 ? "unauthenticated" : "invalid")),
    );
  });

  it("keeps recording after an operation name with a NUL, and stores it printable", async () => {
    const since = await lastEventId();
    const nul = await gatewayRequest({ headers: json, body: op({ query: `query Q ${ok}`, operationName: "Q\u0000" }) });
    expect(nul.status).toBe(400);
    const later = await gatewayRequest({ headers: json, body: op({ query: `query Later ${ok}` }) });
    expect(later.status).toBe(200);
    const events = await eventsAfter(since, 2);
    expect(events.map((e) => [e.operation_name, e.outcome])).toEqual([
      ["Q\uFFFD", "invalid"],
      ["Later", "ok"],
    ]);
  });

  it("bounds what it stores of a 250 KB operation name full of escape sequences, CR/LF and BEL", async () => {
    const since = await lastEventId();
    // 170,000 characters, 250 KB as JSON (each control character is escaped in the body).
    const name = "\u001b[31mRED\r\nSet-Cookie: x\u0007".repeat(7_100).slice(0, 170_000);
    const response = await gatewayRequest({ headers: json, body: op({ query: ok, operationName: name }) });
    expect(response.status).toBe(400);
    const [event] = await eventsAfter(since, 1);
    expect(event?.operation_name?.length).toBeLessThan(300);
    expect(event?.operation_name).toMatch(/^\uFFFD\[31mRED\uFFFD\uFFFDSet-Cookie: x\uFFFD/);
    expect(event?.operation_name).toMatch(/…\[\+169744 characters\]$/);
    expect([...(event?.operation_name ?? "")].filter((c) => c.charCodeAt(0) < 32 || c === "\u007f")).toEqual([]);
  });

  it("keeps a document's text only when its token was verified: an anonymous one leaves its hash alone", async () => {
    const since = await lastEventId();
    const unique = randomUUID().replaceAll("-", "");
    const long = `query Long${unique} { customer(id: "CUST001") { id } } # ${"x".repeat(100_000)}`;
    const anonymous = `query Anonymous${unique} ${ok}`;
    const verified = `query Verified${unique} ${ok}`;
    expect((await gatewayRequest({ headers: json, body: op({ query: long }) })).status).toBe(400);
    const noToken = { headers: { ...json, authorization: "" }, body: op({ query: anonymous }) };
    expect((await gatewayRequest(noToken)).status).toBe(401);
    expect((await gatewayRequest({ headers: json, body: op({ query: verified }) })).status).toBe(200);
    await eventsAfter(since, 3);
    const hash = (text: string) => createHash("sha256").update(text).digest("hex");
    const stored = async () =>
      await t.db.query<{ document_hash: string; document: string | null }>(
        `SELECT e.document_hash, d.document FROM audit.access_events e
           LEFT JOIN audit.access_documents d USING (document_hash) WHERE e.event_id > $1 ORDER BY e.event_id`,
        [since],
      );
    const deadline = Date.now() + 10_000;
    while ((await stored()).at(-1)?.document == null && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    // The hash is of the text as the trail keeps it: a long one cut at 64 KiB, with a note.
    const cut = `${long.slice(0, 65_536)}\n# …[+${long.length - 65_536} characters]`;
    expect(await stored()).toEqual([
      { document_hash: hash(cut), document: null },
      { document_hash: hash(anonymous), document: null },
      { document_hash: hash(verified), document: verified },
    ]);
  });

  it("stores bidi overrides and zero-width characters of a name as U+FFFD: the trail reads as it was sent", async () => {
    const since = await lastEventId();
    const name = "Invoice\u202Egpj.exe\u200B\u2066";
    const response = await gatewayRequest({ headers: json, body: op({ query: `query Q ${ok}`, operationName: name }) });
    expect(response.status).toBe(400);
    const [event] = await eventsAfter(since, 1);
    expect(event?.operation_name).toBe("Invoice\uFFFDgpj.exe\uFFFD\uFFFD");
  });

  it("records the roles a token claimed, known to the policy or not", async () => {
    const since = await lastEventId();
    const { mintToken } = await import("@c360/auth");
    const { loadConfig } = await import("@c360/config");
    const claimed = await mintToken(loadConfig().identity, {
      subject: "eve",
      roles: ["marketing_analyst", "constructor", "root"],
    });
    const response = await gatewayRequest({
      headers: { ...json, authorization: `Bearer ${claimed}` },
      body: op({ query: ok }),
    });
    expect(response.status).toBe(200);
    const [event] = await eventsAfter(since, 1);
    expect(event).toMatchObject({ subject: "eve", roles: ["marketing_analyst", "constructor", "root"], outcome: "ok" });
  });

  it("a gzip body is read like a plain one", async () => {
    const response = await gatewayRequest({
      headers: { ...json, "content-encoding": "gzip" },
      body: gzipSync(op({ query: ok })),
    });
    expect(await response.json()).toEqual({ data: { customer: { id: "CUST001" } } });
  });
});
