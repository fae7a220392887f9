import { type Stack, startStack } from "@c360/gateway";
import { createTestDatabase, type TestDatabase } from "./database";
import { tokenFor } from "./identity";

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface TestStack extends TestDatabase {
  stack: Stack;
  /**
   * POSTs an operation as a client would: to the gateway unless `url` says otherwise, with an admin
   * token unless `token` says otherwise (`null`: no Authorization header at all).
   */
  query<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: { url?: string; token?: string | null },
  ): Promise<GraphQLResponse<T>>;
}

/** A fresh database, prepared by `load`, behind the real subgraphs and gateway on free loopback ports. */
export async function startTestStack(load: (t: TestDatabase) => Promise<unknown>): Promise<TestStack> {
  const database = await createTestDatabase();
  await load(database);
  const stack = await startStack(database.db, { ephemeralPorts: true });
  const admin = await tokenFor("c360_admin");
  return {
    ...database,
    stack,
    async query(query, variables = {}, { url = stack.gatewayUrl, token = admin } = {}) {
      const response = await fetch(url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(token === null ? {} : { authorization: `Bearer ${token}` }),
        },
        body: JSON.stringify({ query, variables }),
      });
      return response.json() as never;
    },
    async dispose() {
      await stack.stop();
      await database.dispose();
    },
  };
}
