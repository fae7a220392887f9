/**
 * PostGraphile 5 over the same database, as its docs set it up (Amber preset, grafserv on node:http),
 * with no authorization at all: the unguarded reference the Customer 360 must outrun. Our domains
 * keep no foreign keys across schemas, so the relations a 360 follows are declared as smart tags, and
 * the two derived fields (purchase summary, marketplace) as computed-column functions this process
 * creates in the bench database. It answers its own documents (bench/scenarios.ts, POSTGRAPHILE).
 * Settings: BENCH_PORT, DATABASE_URL.
 */
import { createServer } from "node:http";
import { marketplaceOfCountrySql } from "@c360/db";
import pg from "pg";
import { postgraphile } from "postgraphile";
import { makePgService } from "postgraphile/adaptors/pg";
import { grafserv } from "postgraphile/grafserv/node";
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";
import { jsonPgSmartTags } from "postgraphile/utils";

// Grafast 1.x calls Promise.withResolvers (Node 22); these machines run Node 20.
const promises = Promise as PromiseConstructor & { withResolvers?: unknown };
promises.withResolvers ??= () => {
  let resolve: unknown;
  let reject: unknown;
  const promise = new Promise((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
};

const connectionString = process.env.DATABASE_URL;
const setup = new pg.Client({ connectionString });
await setup.connect();
await setup.query(`
  DROP TYPE IF EXISTS customer.purchase_summary CASCADE;
  CREATE TYPE customer.purchase_summary AS (transaction_count integer, total_spent numeric, last_purchase_at timestamptz);
  CREATE FUNCTION customer.customers_purchase_summary(c customer.customers) RETURNS customer.purchase_summary
    LANGUAGE sql STABLE AS $$
      SELECT count(*)::integer, coalesce(sum(total_amount), 0), max(transaction_date)
      FROM sales.transactions WHERE customer_id = c.customer_id AND status = 'completed' $$;
  CREATE OR REPLACE FUNCTION customer.customers_marketplace(c customer.customers) RETURNS text
    LANGUAGE sql STABLE AS $$ SELECT ${marketplaceOfCountrySql("c.country")} $$;`);
await setup.end();

const relation = (columns: string, target: string) => ({ tags: { foreignKey: `(${columns}) references ${target}` } });
const relations = jsonPgSmartTags({
  version: 1,
  config: {
    class: {
      "sales.transactions": relation("customer_id", "customer.customers (customer_id)"),
      "sales.transaction_items": relation("product_id", "product.products (product_id)"),
      "logistics.shipments": relation("transaction_id", "sales.transactions (transaction_id)"),
    },
  },
});

const pgl = postgraphile({
  extends: [PostGraphileAmberPreset],
  plugins: [relations],
  pgServices: [makePgService({ connectionString, schemas: ["customer", "sales", "product", "logistics"] })],
  grafserv: { graphqlPath: "/graphql", graphiql: false, watch: false },
});
const server = createServer();
await pgl.createServ(grafserv).addTo(server);
server.listen(Number(process.env.BENCH_PORT ?? 0), "127.0.0.1", () => {
  const { port } = server.address() as { port: number };
  console.log(`postgraphile ready at http://127.0.0.1:${port}/graphql`);
});
process.once("SIGTERM", () => void Promise.resolve(pgl.release()).then(() => process.exit(0)));
