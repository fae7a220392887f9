import type { CodegenConfig } from "@graphql-codegen/cli";

/** Per subgraph: the row type (from its data module) each GraphQL type resolves from. */
const mappers: Record<string, Record<string, string>> = {
  customer: {
    Customer: "../data#CustomerRow",
    Loyalty: "../data#LoyaltyRow",
    SupportTicket: "../data#TicketRow",
    AppSession: "../data#SessionRow",
    Transaction: "../data#TransactionRef",
  },
  sales: {
    Transaction: "../data#TransactionRow",
    TransactionItem: "../data#ItemRow",
    PurchaseSummary: "../data#PurchaseSummaryRow",
  },
  product: {
    Product: "../data#ProductRow",
    Supplier: "../data#SupplierRow",
    ProductSupplier: "../data#ProductSupplierRow",
    InventoryLevel: "../data#InventoryRow",
  },
  logistics: {
    Shipment: "../data#ShipmentRow",
    TrackingEvent: "../data#EventRow",
    Location: "../data#LocationRow",
  },
  "cx-kpi": {
    Marketplace: "../data#MarketplaceRef",
    DiscoverKpi: "../data#KpiSeriesRow",
    PurchaseKpi: "../data#KpiSeriesRow",
    FulfillmentKpi: "../data#KpiSeriesRow",
  },
};

/** `pnpm codegen`: typed resolvers for every subgraph (federation-aware), into src/generated/. */
const config: CodegenConfig = {
  overwrite: true,
  generates: Object.fromEntries(
    Object.entries(mappers).map(([name, map]) => [
      `subgraphs/${name}/src/generated/resolvers-types.ts`,
      {
        schema: [
          "packages/subgraph-kit/codegen-directives.graphql",
          "packages/subgraph-kit/shared.graphql",
          `subgraphs/${name}/schema.graphql`,
        ],
        plugins: ["typescript", "typescript-resolvers"],
        config: {
          federation: true,
          useTypeImports: true,
          contextType: "../schema#Context",
          mappers: map,
          scalars: { Date: "string", DateTime: { input: "Date", output: "Date | string" }, Decimal: "string" },
          enumsAsTypes: true,
          avoidOptionals: { field: true },
        },
      },
    ]),
  ),
};

export default config;
