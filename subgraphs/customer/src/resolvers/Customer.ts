import { localTimeOf, marketplaceOfCountry } from "@c360/db";
import { offsetConnection, offsetPage } from "@c360/subgraph-kit";
import type { GraphQLResolveInfo } from "graphql";
import { inCustomersMarket, type ReachedFrom } from "../data";
import type {
  AppSessionResolvers,
  CustomerResolvers,
  LoyaltyResolvers,
  SupportTicketResolvers,
  TransactionResolvers,
} from "../generated/resolvers-types";
import { customerReads } from "../loaders";
import type { Context } from "../schema";

/**
 * The customer a record belongs to: the one it was reached from, else loaded in the caller's row scope
 * with every other customer of the request (one statement per nesting level): a customer outside the
 * caller's markets is null.
 */
const customerOf = (
  { customerId, customer }: { customerId: string | null } & ReachedFrom,
  _: unknown,
  { loaders }: Context,
  info: GraphQLResolveInfo,
) => customer ?? (customerId ? loaders.customer(customerReads(info)).load(customerId) : null);

export const Customer: CustomerResolvers = {
  __resolveReference: (ref, { loaders }, info) => loaders.customer(customerReads(info)).load(ref.id),
  id: (customer) => customer.customerId,
  registrationDateLocal: (customer) => localTimeOf(customer.registrationDate, marketplaceOfCountry(customer.country)),
  loyalty: async (customer, _, { loaders }) => {
    const loyalty = await loaders.loyalty.load(customer.customerId);
    return loyalty && { ...loyalty, customer };
  },
  supportTickets: async (customer, { first, after }, { loaders }) => {
    const page = offsetPage(first, after);
    const { rows, totalCount } = await loaders.tickets(page).load(customer.customerId);
    return offsetConnection(inCustomersMarket(rows, customer), totalCount, page);
  },
  appSessions: async (customer, { first, after }, { loaders }) => {
    const page = offsetPage(first, after);
    const { rows, totalCount } = await loaders.sessions(page).load(customer.customerId);
    return offsetConnection(inCustomersMarket(rows, customer), totalCount, page);
  },
  marketplace: (customer) => {
    const code = marketplaceOfCountry(customer.country);
    return code ? { code } : null;
  },
};

export const Loyalty: LoyaltyResolvers = { customer: customerOf };
export const SupportTicket: SupportTicketResolvers = {
  customer: customerOf,
  id: (row) => row.ticketId,
  createdDateLocal: (row) => localTimeOf(row.createdDate, row.marketplace),
  resolvedDateLocal: (row) => localTimeOf(row.resolvedDate, row.marketplace),
};
export const AppSession: AppSessionResolvers = {
  customer: customerOf,
  id: (row) => row.usageId,
  sessionStartLocal: (row) => localTimeOf(row.sessionStart, row.marketplace),
};

/** A transaction's buyer, loaded in the caller's row scope: out-of-scope buyers are null. */
export const Transaction: TransactionResolvers = {
  __resolveReference: (ref) => ref,
  customer: customerOf,
};
