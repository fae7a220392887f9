/**
 * The floor: one hand-written SQL statement building the whole response JSON in Postgres, behind a
 * trivial HTTP server with no GraphQL, no authorization and no federation. It answers the `c360`
 * (c360_admin's selection, whoever asks) and `onehop` documents of bench/scenarios.ts, told apart by
 * operation name. Settings: BENCH_PORT, DATABASE_URL.
 */
import { createServer } from "node:http";
import { marketplaceOfCountrySql } from "@c360/db";
import pg from "pg";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

const customer360 = `SELECT json_build_object('data', json_build_object('customer', (
  SELECT json_build_object(
    'id', c.customer_id, 'firstName', c.first_name, 'lastName', c.last_name, 'email', c.email, 'phone', c.phone,
    'city', c.city, 'country', c.country, 'customerSegment', c.customer_segment,
    'loyalty', (SELECT json_build_object('loyaltyTier', l.loyalty_tier, 'pointsBalance', l.points_balance,
        'lifetimeValue', l.lifetime_value::text) FROM customer.loyalty_program l WHERE l.customer_id = c.customer_id),
    'purchaseSummary', (SELECT json_build_object('transactionCount', count(*), 'totalSpent', coalesce(sum(p.total_amount), 0)::text,
        'lastPurchaseAt', max(p.transaction_date)) FROM sales.transactions p WHERE p.customer_id = c.customer_id AND p.status = 'completed'),
    'supportTickets', json_build_object(
      'totalCount', (SELECT count(*) FROM customer.support_tickets k WHERE k.customer_id = c.customer_id),
      'edges', coalesce((SELECT json_agg(json_build_object('node', json_build_object('id', k.ticket_id, 'createdDate', k.created_date,
          'status', k.status, 'priority', k.priority)) ORDER BY k.created_date DESC, k.ticket_id DESC)
        FROM (SELECT * FROM customer.support_tickets WHERE customer_id = c.customer_id
              ORDER BY created_date DESC, ticket_id DESC LIMIT 5) k), '[]')),
    'transactions', json_build_object('edges', coalesce((SELECT json_agg(json_build_object('node', json_build_object(
        'id', t.transaction_id, 'transactionDate', t.transaction_date, 'totalAmount', t.total_amount::text, 'status', t.status,
        'items', (SELECT coalesce(json_agg(json_build_object('id', i.item_id, 'quantity', i.quantity, 'lineTotal', i.line_total::text,
            'product', (SELECT json_build_object('id', p.product_id, 'productName', p.product_name)
                        FROM product.products p WHERE p.product_id = i.product_id)) ORDER BY i.item_id), '[]')
          FROM sales.transaction_items i WHERE i.transaction_id = t.transaction_id),
        'shipments', (SELECT coalesce(json_agg(json_build_object('id', s.shipment_id, 'trackingNumber', s.tracking_number,
            'deliveryStatus', s.delivery_status,
            'trackingEvents', (SELECT coalesce(json_agg(json_build_object('eventType', e.event_type, 'eventTimestamp', e.event_timestamp)
                                 ORDER BY e.event_timestamp, e.event_id), '[]')
                               FROM logistics.tracking_events e WHERE e.shipment_id = s.shipment_id))
            ORDER BY s.ship_date, s.shipment_id), '[]')
          FROM logistics.shipments s WHERE s.transaction_id = t.transaction_id)
      )) ORDER BY t.transaction_date DESC, t.transaction_id DESC)
      FROM (SELECT * FROM sales.transactions WHERE customer_id = c.customer_id
            ORDER BY transaction_date DESC, transaction_id DESC LIMIT 5) t), '[]')),
    'marketplace', json_build_object('code', ${marketplaceOfCountrySql("c.country")})
  ) FROM customer.customers c WHERE c.customer_id = $1)))::text AS body`;

const oneHop = `SELECT json_build_object('data', json_build_object('customer', (
  SELECT json_build_object('id', customer_id, 'firstName', first_name, 'lastName', last_name, 'email', email)
  FROM customer.customers WHERE customer_id = $1)))::text AS body`;

const server = createServer(async (req, res) => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    const { query, variables } = JSON.parse(Buffer.concat(chunks).toString("utf8")) as {
      query: string;
      variables: { id: string };
    };
    const sql = query.startsWith("query Customer360") ? customer360 : oneHop;
    const { rows } = await pool.query<{ body: string }>(sql, [variables.id]);
    res.writeHead(200, { "content-type": "application/json" }).end(rows[0]?.body);
  } catch (error) {
    res.writeHead(500).end(String(error));
  }
});
server.listen(Number(process.env.BENCH_PORT ?? 0), "127.0.0.1", () => {
  const { port } = server.address() as { port: number };
  console.log(`floor ready at http://127.0.0.1:${port}/graphql`);
});
