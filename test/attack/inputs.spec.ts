import { connect } from "node:net";
import { loadConfig } from "@c360/config";
import { seed } from "@c360/db";
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tokenFor } from "../testkit/identity";
import { type Endpoints, type GraphQLResponse, send, startProcessTestStack, type TestStack } from "../testkit/stack";

/**
 * Hostile values in every input a request carries (cursors, variables, claims, representations,
 * auditor arguments), at the gateway and at a subgraph called directly, as deployed (six
 * production-mode processes on Postgres; in process on PGlite). Each is a coded client error or a
 * harmless answer: never a 500, never an internal message, never someone else's outage.
 */
let t: TestStack<Endpoints>;
beforeAll(async () => {
  t = await startProcessTestStack(({ db }) => seed(db, { scale: 0.01, seed: 1 }));
});
afterAll(() => t.dispose());

const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const codes = (response: GraphQLResponse) => (response.errors ?? []).map((e) => e.extensions?.code);

describe("hostile inputs", () => {
  it("refuses forged cursors as BAD_USER_INPUT before they reach SQL", async () => {
    for (const forged of [{ o: 1e20 }, { o: -1 }, { o: 1.5 }, { k: "a\u0000" }, { k: "x".repeat(10_000) }, null, 7]) {
      const nested = await t.query(
        `{ customer(id: "CUST001") { supportTickets(after: "${cursor(forged)}") { totalCount } } }`,
      );
      const root = await t.query(`{ customers(after: "${cursor(forged)}") { totalCount } }`);
      for (const response of [nested, root]) {
        expect({ forged, codes: codes(response) }).toEqual({ forged, codes: ["BAD_USER_INPUT"] });
        expect(response.errors?.[0]?.message).toBe("after: not a cursor returned by this API");
      }
    }
  });

  it("refuses variables nested 20,000 deep with a coded 400, at the gateway and at a subgraph", async () => {
    const deep = `${"[".repeat(20_000)}1${"]".repeat(20_000)}`;
    for (const url of [t.stack.gatewayUrl, t.stack.subgraphUrls.customer as string]) {
      const response = await send(t.stack, url, {
        headers: { "content-type": "application/json", authorization: `Bearer ${await tokenFor("c360_admin")}` },
        body: `{"query":"query ($v: [String]) { customer(id: \\"CUST001\\") { id } }","variables":{"v":${deep}}}`,
      });
      expect({ status: response.status, body: await response.json() }).toEqual({
        status: 400,
        body: {
          errors: [
            { message: "the variables are nested deeper than 32 levels", extensions: { code: "BAD_USER_INPUT" } },
          ],
        },
      });
    }
  });

  it("refuses a mutation or a subscription with a coded 400, at the gateway and every subgraph, by either path", async () => {
    const token = await tokenFor("c360_admin");
    for (const url of [t.stack.gatewayUrl, ...Object.values(t.stack.subgraphUrls)]) {
      for (const operation of ["mutation", "subscription"]) {
        // As clients send it (the HTTP layer's own execution), and with an Accept only Apollo Server takes.
        for (const accept of ["application/json", "application/json;q=0.9"]) {
          const response = await send(t.stack, url, {
            headers: { "content-type": "application/json", accept, authorization: `Bearer ${token}` },
            body: JSON.stringify({ query: `${operation} Change { __typename }` }),
          });
          expect({ url, accept, status: response.status, body: await response.json() }).toEqual({
            url,
            accept,
            status: 400,
            body: {
              errors: [
                {
                  message: `the graph answers queries only, and this operation is a ${operation}`,
                  extensions: { code: "GRAPHQL_VALIDATION_FAILED" },
                },
              ],
            },
          });
        }
      }
    }
  });

  it("answers a request target that is no URL with a coded 400, at the gateway and every subgraph, and keeps serving", async () => {
    const targets = [t.stack.gatewayUrl, ...Object.values(t.stack.subgraphUrls)];
    for (const target of targets) {
      const { hostname, port } = new URL(target);
      // Node's HTTP parser accepts `//[` as a request target; the URL it must be read as does not parse.
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = connect(Number(port), hostname, () =>
          socket.end("GET //[ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"),
        );
        let text = "";
        socket.setEncoding("utf8").on("data", (chunk: string) => {
          text += chunk;
        });
        socket.on("end", () => resolve(text)).on("error", reject);
      });
      const refusal = JSON.stringify({
        errors: [{ message: "the request target is not a valid path", extensions: { code: "BAD_REQUEST" } }],
      });
      expect({ target, head: answer.split("\r\n")[0], coded: answer.includes(refusal) }).toEqual({
        target,
        head: "HTTP/1.1 400 Bad Request",
        coded: true,
      });
    }
    expect(await t.query('{ customer(id: "CUST001") { id } }')).toEqual({ data: { customer: { id: "CUST001" } } });
  });

  it("sizes a page only from a number: a `first` variable whose valueOf is no function is a coded client error, never a 500", async () => {
    const hostile = JSON.parse('{"n": {"valueOf": 1, "toString": 1}}');
    const query = "query ($n: Int) { customers(first: $n) { totalCount } }";
    for (const url of [t.stack.gatewayUrl, t.stack.subgraphUrls.customer as string]) {
      for (const [authorization, status, code] of [
        [undefined, 401, "UNAUTHENTICATED"],
        [`Bearer ${await tokenFor("c360_admin")}`, 400, "BAD_USER_INPUT"],
      ] as const) {
        const response = await send(t.stack, url, {
          headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) },
          body: JSON.stringify({ query, variables: hostile }),
        });
        const body = (await response.json()) as GraphQLResponse;
        expect({ url, status: response.status, codes: codes(body) }).toEqual({ url, status, codes: [code] });
      }
    }
  });

  it("refuses price filters that are no money amount as BAD_USER_INPUT before they reach SQL", async () => {
    const products = "query ($f: ProductFilter) { products(first: 1, filter: $f) { totalCount } }";
    for (const f of [
      { minPrice: `1${"0".repeat(140_000)}` },
      { maxPrice: `0.${"1".repeat(20_000)}` },
      { minPrice: "1e5" },
      { maxPrice: "-" },
    ]) {
      const response = await t.query(products, { f });
      expect({ f: Object.keys(f), data: response.data, codes: codes(response) }).toEqual({
        f: Object.keys(f),
        data: { products: null },
        codes: ["BAD_USER_INPUT"],
      });
    }
  });

  it("refuses every range whose end is before its start as BAD_USER_INPUT, naming the bound, not an empty answer", async () => {
    const days = 'from: "2025-01-01", to: "2024-01-01"';
    const instants = 'from: "2025-01-01T00:00:00Z", to: "2024-01-01T00:00:00Z"';
    const ranges: [string, string, "c360_admin" | "auditor"][] = [
      [
        `{ customers(filter: { registeredFrom: "2025-01-01T00:00:00Z", registeredTo: "2024-01-01T00:00:00Z" }) { totalCount } }`,
        "filter.registeredTo",
        "c360_admin",
      ],
      [`{ supportTickets(filter: { ${days} }) { totalCount } }`, "filter.to", "c360_admin"],
      [`{ supportSummary(filter: { ${days} }) { __typename } }`, "filter.to", "c360_admin"],
      [`{ transactions(filter: { ${instants} }) { totalCount } }`, "filter.to", "c360_admin"],
      [
        `{ customer(id: "CUST001") { transactions(filter: { ${instants} }) { totalCount } } }`,
        "filter.to",
        "c360_admin",
      ],
      [`{ regionalSales(filter: { ${days} }) { __typename } }`, "filter.to", "c360_admin"],
      [`{ salesSummary(filter: { ${days} }) { __typename } }`, "filter.to", "c360_admin"],
      [`{ shipments(filter: { ${days} }) { totalCount } }`, "filter.to", "c360_admin"],
      [`{ purchaseKpis(filter: { ${days} }) { __typename } }`, "filter.to", "c360_admin"],
      [`{ accessEvents(filter: { ${instants} }) { totalCount } }`, "filter.to", "auditor"],
    ];
    for (const [query, bound, role] of ranges) {
      const response = await t.query(query, {}, { token: await tokenFor(role) });
      expect({ query, errors: response.errors?.map((e) => [e.extensions?.code, e.message]) }).toEqual({
        query,
        errors: [
          ["BAD_USER_INPUT", `${bound}: must not be before ${bound.replace(/To$/, "From").replace(/\.to$/, ".from")}`],
        ],
      });
    }
  });

  it("refuses a NUL in the variables of a GET straight at a subgraph", async () => {
    const url = new URL(t.stack.subgraphUrls.product as string);
    url.searchParams.set("query", "query ($c: String) { products(first: 1, filter: { category: $c }) { totalCount } }");
    url.searchParams.set("variables", JSON.stringify({ c: "a\u0000b" }));
    const response = await send(t.stack, url.toString(), {
      method: "GET",
      headers: { authorization: `Bearer ${await tokenFor("c360_admin")}`, "apollo-require-preflight": "1" },
    });
    expect({ status: response.status, body: await response.json() }).toEqual({
      status: 400,
      body: { errors: [{ message: "strings may not contain NUL characters", extensions: { code: "BAD_USER_INPUT" } }] },
    });
  });

  it("applies the document limits to explainAccess's document, and takes no prototype name for a role", async () => {
    const auditor = await tokenFor("auditor");
    const explain = (role: string, document: string) =>
      t.query(
        "query ($role: String!, $document: String!) { explainAccess(role: $role, document: $document) { allowed } }",
        { role, document },
        { token: auditor },
      );
    const long = await explain("marketing_analyst", `{ customer(id: "1") { ${"id ".repeat(70_000)} } }`);
    expect(codes(long)).toEqual(["QUERY_TOO_LONG"]);
    const bomb = await explain(
      "marketing_analyst",
      "{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }",
    );
    expect(codes(bomb)).toEqual(["GRAPHQL_VALIDATION_FAILED"]);
    for (const role of ["constructor", "__proto__", "toString"]) {
      const response = await explain(role, '{ customer(id: "1") { id } }');
      expect({ role, codes: codes(response), message: response.errors?.[0]?.message }).toEqual({
        role,
        codes: ["BAD_USER_INPUT"],
        message: `role: unknown role "${role}"`,
      });
    }
  });

  it("lets no client write representations at the gateway (the entity cache reads only the plan's)", async () => {
    const entities = "query ($r: [_Any!]!) { _entities(representations: $r) { ... on Product { id productName } } }";
    const refused = "GRAPHQL_VALIDATION_FAILED";
    for (const [r, code] of [
      [[{ __typename: "Product", id: "__proto__" }], refused],
      [[JSON.parse('{"__typename": "__proto__", "id": "x"}')], refused],
      [[{ __typename: "Product", id: "x".repeat(50_000) }], refused],
      ["constructor", refused],
      // A NUL is refused earlier, by the gateway's HTTP layer.
      [[{ __typename: "Product", id: "P\u0000" }], "BAD_USER_INPUT"],
    ] as const) {
      const response = await t.query(entities, { r });
      expect({ data: response.data, codes: [...new Set(codes(response))] }).toEqual({ data: undefined, codes: [code] });
    }
  });

  it("never echoes an @external value injected into a representation", async () => {
    const [{ transaction }] = (await t.db.query(
      "SELECT min(transaction_id) AS transaction FROM sales.transactions WHERE customer_id = 'CUST001'",
    )) as [{ transaction: string }];
    const response = await t.query(
      "query ($r: [_Any!]!) { _entities(representations: $r) { ... on Transaction { id customerId customer { id } } } }",
      { r: [{ __typename: "Transaction", id: transaction, customerId: "<script>alert(1)</script>" }] },
      { url: t.stack.subgraphUrls.customer },
    );
    expect(response).toEqual({
      data: { _entities: [{ id: transaction, customerId: null, customer: null }] },
    });
  });

  it("refuses Date and DateTime variables that are no day or instant (the gateway cannot check them) with the subgraph's coded client error", async () => {
    const kpis =
      'query ($from: Date!, $to: Date!) { discoverKpis(filter: { from: $from, to: $to, marketplaces: ["US"] }, grain: WEEK) { periodStart } }';
    const hostile: unknown[] = ["2024-02-30", "2023-02-29", "0000-01-01", "not a date", "constructor", "\u0007"];
    hostile.push(
      "2024-01-01".repeat(5_000),
      JSON.parse('{"__proto__": "2024-01-01"}'),
      [["2024-01-01"]],
      20240101,
      true,
    );
    for (const from of hostile) {
      const response = await t.query(kpis, { from, to: "2024-03-31" });
      expect({ from, data: response.data, codes: codes(response) }).toEqual({
        from,
        data: { discoverKpis: null },
        codes: ["BAD_USER_INPUT"],
      });
      expect(response.errors?.[0]?.message).toMatch(/\$from.*calendar date that exists/);
    }
    const customers = "query ($at: DateTime) { customers(first: 1, filter: { registeredFrom: $at }) { totalCount } }";
    for (const at of ["0000-01-01T00:00:00Z", "2024-02-30T00:00:00Z", "2024-01-15T09:30:00", "1", "__proto__", {}]) {
      const response = await t.query(customers, { at });
      expect({ at, data: response.data, codes: codes(response) }).toEqual({
        at,
        data: { customers: null },
        codes: ["BAD_USER_INPUT"],
      });
    }
    // A NUL never gets that far: the gateway's HTTP layer refuses it with a coded 400.
    const nul = await t.query(kpis, { from: "2024-01-01\u0000", to: "2024-03-31" });
    expect({ data: nul.data, codes: codes(nul) }).toEqual({ data: undefined, codes: ["BAD_USER_INPUT"] });
  });
});

describe("prototype names in claims", () => {
  // Signed here rather than minted: mintToken makes only tokens the verifier accepts.
  const token = (claims: { roles: string[]; markets?: string[] }) => {
    const identity = loadConfig().identity;
    return new SignJWT({ roles: claims.roles, ...(claims.markets ? { markets: claims.markets } : {}) })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("proto-tester")
      .setIssuer(identity.issuer)
      .setAudience(identity.audience)
      .setIssuedAt()
      .setExpirationTime("10m")
      .sign(new TextEncoder().encode(identity.secret));
  };

  it("refuses markets named after prototype properties as UNAUTHENTICATED, and opens no breaker for others", async () => {
    for (const market of ["constructor", "__proto__", "toString"]) {
      const bad = await token({ roles: ["c360_admin"], markets: [market] });
      for (const url of [t.stack.gatewayUrl, ...Object.values(t.stack.subgraphUrls)]) {
        const response = await send(t.stack, url, {
          headers: { "content-type": "application/json", authorization: `Bearer ${bad}` },
          body: JSON.stringify({ query: '{ customer(id: "CUST001") { id } }' }),
        });
        expect({ url, market, status: response.status, codes: codes(await response.json()) }).toEqual({
          url,
          market,
          status: 401,
          codes: ["UNAUTHENTICATED"],
        });
      }
    }
    const honest = await t.query(
      '{ customer(id: "CUST001") { id purchaseSummary { transactionCount } } }',
      {},
      { token: await tokenFor("c360_admin") },
    );
    expect(honest.errors).toBeUndefined();
  });

  it("gives roles named after prototype properties nothing, as FORBIDDEN fields, never a 500", async () => {
    const bad = await token({ roles: ["constructor", "__proto__", "toString"] });
    for (const [url, query] of [
      [t.stack.gatewayUrl, '{ customer(id: "CUST001") { id } }'],
      [t.stack.subgraphUrls.customer, '{ customer(id: "CUST001") { id } }'],
      [t.stack.subgraphUrls.sales, '{ transaction(id: "TXN001") { id } }'],
      [t.stack.subgraphUrls.product, '{ product(id: "PRD001") { id } }'],
      [t.stack.subgraphUrls.logistics, '{ location(id: "WH001") { id } }'],
      [t.stack.subgraphUrls["cx-kpi"], '{ marketplace(code: "US") { code } }'],
    ] as const) {
      const response = await send(t.stack, url as string, {
        headers: { "content-type": "application/json", authorization: `Bearer ${bad}` },
        body: JSON.stringify({ query }),
      });
      expect({ url, status: response.status, codes: codes(await response.json()) }).toEqual({
        url,
        status: 200,
        codes: ["FORBIDDEN"],
      });
    }
  });
});
