import { forbidden, mayRead, rowLimitOf, type Viewer } from "@c360/auth";
import { badUserInput, boundedList, DEFAULT_PAGE_SIZE, keysetConnection, keysetPage } from "@c360/subgraph-kit";
import { type CustomerFilter, type CustomerOrder, customersPage, supportSummary } from "../data";
import type { QueryResolvers } from "../generated/resolvers-types";

/**
 * The fields a filter or an order reveals: using one asks the same question as reading the field,
 * so a caller who may not read it may not filter or order by it either (a role without PII cannot
 * probe emails through `filter.email`).
 */
const revealedByFilter: Record<keyof CustomerFilter, string[]> = {
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
};
const revealedByOrder: Record<CustomerOrder["field"], string[]> = {
  ID: [],
  REGISTRATION_DATE: ["Customer.registrationDate"],
  LAST_NAME: ["Customer.lastName"],
  LIFETIME_VALUE: ["Loyalty.lifetimeValue"],
};

function refuseUnreadable(
  viewer: Viewer,
  filter: CustomerFilter | null | undefined,
  order: CustomerOrder | null | undefined,
) {
  const used = [
    ...Object.entries(filter ?? {}).flatMap(([name, value]) =>
      value == null ? [] : (revealedByFilter[name as keyof CustomerFilter] ?? []),
    ),
    ...(order ? revealedByOrder[order.field] : []),
  ];
  const denied = used.find((coordinate) => !mayRead(viewer.entitlements, coordinate));
  if (denied) throw forbidden(denied);
}

/** The role's row limit on listing customers; a lookup by email or phone is not a listing. */
function refuseOverLimit(viewer: Viewer, filter: CustomerFilter | null | undefined, first: number | null | undefined) {
  if (filter?.email != null || filter?.phone != null) return;
  const limit = rowLimitOf(viewer.roles, "Query.customers");
  if (limit !== null && (first ?? DEFAULT_PAGE_SIZE) > limit)
    throw badUserInput(
      "first",
      `your role lists at most ${limit} customers per request: ask for first: ${limit} or fewer, or look one up by id, email or phone`,
    );
}

export const Query: QueryResolvers = {
  customer: (_, { id }, { loaders }) => loaders.customer.load(id),
  customers: async (_, { filter, orderBy, first, after }, { db, loaders, viewer }, info) => {
    refuseUnreadable(viewer, filter, orderBy);
    refuseOverLimit(viewer, filter, first);
    const page = keysetPage(first, after, info, orderBy ? `${orderBy.field}:${orderBy.direction ?? "ASC"}` : undefined);
    const { rows, totalCount } = await customersPage(db, filter, orderBy, page, loaders.scope);
    return keysetConnection(rows, totalCount, page, (row) => row.customerId);
  },
  supportSummary: async (_, { filter, groupBy }, { db, loaders }) => {
    if (filter?.from && filter.to && filter.from > filter.to)
      throw badUserInput("filter.to", "must not be before filter.from");
    return boundedList(await supportSummary(db, filter, groupBy ?? [], loaders.scope), "filter");
  },
};
