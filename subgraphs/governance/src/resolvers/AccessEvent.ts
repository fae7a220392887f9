import type { AccessEventResolvers } from "../generated/resolvers-types";

export const AccessEvent: AccessEventResolvers = {
  id: (row) => String(row.eventId),
  document: (row, _, { loaders }) => loaders.document.load(row.documentHash),
};
