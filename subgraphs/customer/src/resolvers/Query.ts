import {
  argumentsUsed,
  boundedList,
  type KeysetPage,
  keysetConnection,
  keysetPage,
  notePersonsFound,
  orderName,
  type RowsListed,
  rangeInOrder,
  refuseUnreadable,
  selects,
  withChildren,
} from "@c360/subgraph-kit";
import { type CustomerFilter, customersPage, supportSummary, ticketsPage } from "../data";
import type { QueryResolvers } from "../generated/resolvers-types";
import { customerReads } from "../loaders";

/** The fields each filter and order reveals (see `refuseUnreadable`). */
const revealed: Record<string, string[]> = {
  segment: ["Customer.customerSegment"],
  country: ["Customer.country"],
  marketplace: ["Customer.marketplace"],
  registeredFrom: ["Customer.registrationDate"],
  registeredTo: ["Customer.registrationDate"],
  email: ["Customer.email"],
  phone: ["Customer.phone"],
  name: ["Customer.firstName", "Customer.lastName"],
  loyaltyTier: ["Loyalty.loyaltyTier"],
  minLifetimeValue: ["Loyalty.lifetimeValue"],
  "orderBy.REGISTRATION_DATE": ["Customer.registrationDate"],
  "orderBy.LAST_NAME": ["Customer.lastName"],
  "orderBy.LIFETIME_VALUE": ["Loyalty.lifetimeValue"],
};

/**
 * Takes the page from the role's row limit on listing customers, which every list of the request
 * shares (`RowsListed`); a lookup by email or phone is not a listing.
 */
function takeRows(rows: RowsListed, filter: CustomerFilter | null | undefined, page: KeysetPage) {
  if (filter?.email != null || filter?.phone != null) return;
  rows.take("Query.customers", page.limit, "customers");
}

export const Query: QueryResolvers = {
  customer: (_, { id }, { loaders }, info) => loaders.customer(customerReads(info)).load(id),
  customers: async (_, { filter, orderBy, first, after }, { db, loaders, viewer, persons, rows: listed }, info) => {
    rangeInOrder(filter, "registeredFrom", "registeredTo");
    const used = argumentsUsed(filter, orderBy);
    refuseUnreadable(viewer, revealed, used);
    const page = keysetPage(first, after, info, orderName(orderBy));
    takeRows(listed, filter, page);
    const { rows, totalCount } = await withChildren(selects(info, "edges.node.loyalty"), false, (withLoyalty) =>
      customersPage(db, filter, orderBy, page, loaders.scope, withLoyalty),
    );
    notePersonsFound(persons, revealed, used, rows, page, (row) => row.customerId);
    for (const row of rows) if (row.loyalty !== undefined) loaders.loyalty.prime(row.customerId, row.loyalty);
    return keysetConnection(rows, totalCount, page, (row) => row.customerId);
  },
  supportTickets: async (_, { filter, orderBy, first, after }, { db, loaders }, info) => {
    rangeInOrder(filter);
    const page = keysetPage(first, after, info, orderName(orderBy));
    const { rows, totalCount } = await ticketsPage(db, filter, orderBy, page, loaders.scope);
    return keysetConnection(rows, totalCount, page, (row) => row.ticketId);
  },
  supportSummary: async (_, { filter, groupBy }, { db, loaders }) => {
    rangeInOrder(filter);
    return boundedList(await supportSummary(db, filter, groupBy ?? [], loaders.scope), "filter");
  },
};
