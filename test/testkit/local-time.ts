import type { Database } from "@c360/db-client";

/**
 * Transactions of a channel no generated row uses (`kiosk`, so a filter on it keeps only these), each
 * placed where its UTC and local calendars differ: a New York evening on the UTC day after, on either
 * side of the US change to daylight saving time (2024-03-10 07:00Z), and a Berlin night on the day the
 * EU changes (2024-03-31 01:00Z) that is already April there.
 */
export const localTimeTransactions = [
  { id: "TXN-TZ-1", marketplace: "US", at: "2024-03-01T03:30:00Z", local: "2024-02-29T22:30:00-05:00" },
  { id: "TXN-TZ-2", marketplace: "US", at: "2024-03-10T03:30:00Z", local: "2024-03-09T22:30:00-05:00" },
  { id: "TXN-TZ-3", marketplace: "US", at: "2024-03-10T12:00:00Z", local: "2024-03-10T08:00:00-04:00" },
  { id: "TXN-TZ-4", marketplace: "DE", at: "2024-03-31T22:30:00Z", local: "2024-04-01T00:30:00+02:00" },
] as const;

/** Adds `localTimeTransactions` to a loaded database, each for 10.00 USD. */
export async function insertLocalTimeTransactions(db: Database): Promise<void> {
  for (const t of localTimeTransactions)
    await db.query(
      `INSERT INTO sales.transactions (transaction_id, customer_id, transaction_date, channel, payment_method,
         subtotal, tax_amount, discount_amount, total_amount, currency, status, marketplace)
       VALUES ($1, 'CUST-TZ', $2, 'kiosk', 'card', 10, 0, 0, 10, 'USD', 'completed', $3)`,
      [t.id, t.at, t.marketplace],
    );
}
