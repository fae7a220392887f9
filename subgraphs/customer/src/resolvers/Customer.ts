import { marketplaceOfCountry } from "@c360/db";
import { offsetConnection, offsetPage } from "@c360/subgraph-kit";
import type { CustomerRow } from "../data";
import type { Context } from "../schema";

type PageArgs = { first?: number | null; after?: string | null };

export const Customer = {
  __resolveReference: (ref: { id: string }, { loaders }: Context) => loaders.customer.load(ref.id),
  id: (customer: CustomerRow) => customer.customerId,
  loyalty: (customer: CustomerRow, _: unknown, { loaders }: Context) => loaders.loyalty.load(customer.customerId),
  supportTickets: async (customer: CustomerRow, args: PageArgs, { loaders }: Context) => {
    const page = offsetPage(args.first, args.after);
    const { rows, totalCount } = await loaders.tickets(page).load(customer.customerId);
    return offsetConnection(rows, totalCount, page);
  },
  appSessions: async (customer: CustomerRow, args: PageArgs, { loaders }: Context) => {
    const page = offsetPage(args.first, args.after);
    const { rows, totalCount } = await loaders.sessions(page).load(customer.customerId);
    return offsetConnection(rows, totalCount, page);
  },
  marketplace: (customer: CustomerRow) => {
    const code = marketplaceOfCountry(customer.country);
    return code ? { code } : null;
  },
};

export const SupportTicket = { id: (row: { ticketId: string }) => row.ticketId };
export const AppSession = { id: (row: { usageId: string }) => row.usageId };
