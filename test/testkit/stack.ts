import { type Stack, startStack } from "@c360/gateway";
import { createTestDatabase, type TestDatabase } from "./database";

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface TestStack extends TestDatabase {
  stack: Stack;
  /** POSTs an operation to `url` (the gateway by default), as a client would. */
  query<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    url?: string,
  ): Promise<GraphQLResponse<T>>;
}

/** A fresh database, prepared by `load`, behind the real subgraphs and gateway on free loopback ports. */
export async function startTestStack(load: (t: TestDatabase) => Promise<unknown>): Promise<TestStack> {
  const database = await createTestDatabase();
  await load(database);
  const stack = await startStack(database.db, { ephemeralPorts: true });
  return {
    ...database,
    stack,
    async query(query, variables = {}, url = stack.gatewayUrl) {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
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
