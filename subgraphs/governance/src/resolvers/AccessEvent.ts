import type { AccessEventResolvers } from "../generated/resolvers-types";

export const AccessEvent: AccessEventResolvers = { id: (row) => String(row.eventId) };
