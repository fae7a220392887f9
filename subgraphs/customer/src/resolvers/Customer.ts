import { localTimeOf, marketplaceOfCountry } from "@c360/db";
import { offsetConnection, offsetPage } from "@c360/subgraph-kit";
import { inCustomersMarket } from "../data";
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
  registrationDateLocal: (customer) => localTimeOf(customer.registrationDate, marketplaceOfCountry(customer.country)),
  loyalty: (customer, _, { loaders }) => loaders.loyalty.load(customer.customerId),
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

export const SupportTicket: SupportTicketResolvers = {
  id: (row) => row.ticketId,
  createdDateLocal: (row) => localTimeOf(row.createdDate, row.marketplace),
  resolvedDateLocal: (row) => localTimeOf(row.resolvedDate, row.marketplace),
};
export const AppSession: AppSessionResolvers = {
  id: (row) => row.usageId,
  sessionStartLocal: (row) => localTimeOf(row.sessionStart, row.marketplace),
};

/** A transaction's buyer, loaded in the caller's row scope: out-of-scope buyers are null. */
export const Transaction: TransactionResolvers = {
  __resolveReference: (ref) => ref,
  customer: (transaction, _, { loaders }, info) =>
    transaction.customerId ? loaders.customer(customerReads(info)).load(transaction.customerId) : null,
};
