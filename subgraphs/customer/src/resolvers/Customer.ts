import { marketplaceOfCountry } from "@c360/db";
import { offsetConnection, offsetPage } from "@c360/subgraph-kit";
import type {
  AppSessionResolvers,
  CustomerResolvers,
  SupportTicketResolvers,
  TransactionResolvers,
} from "../generated/resolvers-types";
import { customerReads } from "../loaders";

export const Customer: CustomerResolvers = {
  __resolveReference: (ref, { loaders }, info) => loaders.customer(customerReads(info)).load(ref.id),
  id: (customer) => customer.customerId,
  loyalty: (customer, _, { loaders }) => loaders.loyalty.load(customer.customerId),
  supportTickets: async (customer, { first, after }, { loaders }) => {
    const page = offsetPage(first, after);
    const { rows, totalCount } = await loaders.tickets(page).load(customer.customerId);
    return offsetConnection(rows, totalCount, page);
  },
  appSessions: async (customer, { first, after }, { loaders }) => {
    const page = offsetPage(first, after);
    const { rows, totalCount } = await loaders.sessions(page).load(customer.customerId);
    return offsetConnection(rows, totalCount, page);
  },
  marketplace: (customer) => {
    const code = marketplaceOfCountry(customer.country);
    return code ? { code } : null;
  },
};

export const SupportTicket: SupportTicketResolvers = { id: (row) => row.ticketId };
export const AppSession: AppSessionResolvers = { id: (row) => row.usageId };

/** A transaction's buyer, loaded in the caller's row scope: out-of-scope buyers are null. */
export const Transaction: TransactionResolvers = {
  __resolveReference: (ref) => ref,
  customer: (transaction, _, { loaders }, info) =>
    transaction.customerId ? loaders.customer(customerReads(info)).load(transaction.customerId) : null,
};
