/**
 * Holding an answer of the direct path (`HttpOptions.direct`) to Apollo Server's: the same request
 * sent as a client sends it, then with an Accept header only Apollo takes.
 */

/** An Accept header the direct path leaves to Apollo, which answers it with the same content type. */
export const APOLLO_ONLY = "application/json;q=0.9";

/** A case: its name, the role whose token sends it, and its body (built when the case runs). */
export type DirectCase = [name: string, role: string, body: () => unknown];

/** A POST of `body` to `url` with `token`, direct (default) or through Apollo; what the client reads. */
export async function answer(url: string, token: string, body: unknown, via: "direct" | "apollo" = "direct") {
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      authorization: `Bearer ${token}`,
      ...(via === "apollo" ? { accept: APOLLO_ONLY } : {}),
    },
    body: JSON.stringify(body),
  });
  return { status: response.status, type: response.headers.get("content-type"), body: await response.text() };
}

/** Requests the direct path leaves to Apollo (refused in validation, variables that do not coerce). */
export const leftToApollo: DirectCase[] = [
  [
    "introspection in production (refused in validation)",
    "c360_admin",
    () => ({ query: "{ __schema { types { name } } }" }),
  ],
  ["a variable missing", "c360_admin", () => ({ query: "query C($id: ID!) { customer(id: $id) { id } }" })],
  [
    "a variable of the wrong type",
    "c360_admin",
    () => ({ query: "query C($id: ID!) { customer(id: $id) { id } }", variables: { id: { nested: ["x"] } } }),
  ],
];
