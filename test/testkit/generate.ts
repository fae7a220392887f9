import { personalData } from "@c360/auth";
import type { Random } from "@c360/db";
import {
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
} from "graphql";

/** Argument values the generator draws from: real ids (in and out of any scope) and known-good values. */
export interface ValuePools {
  /** Ids by the root field or entity that takes them: `customer`, `transaction`, `shipment`, ... */
  ids: Record<string, string[]>;
  roles: readonly string[];
  markets: readonly string[];
}

/** Which id pool a root field's `id` argument (or its other key argument) draws from. */
const poolOfField: Record<string, string> = {
  customer: "customer",
  transaction: "transaction",
  shipment: "shipment",
  shipmentByTrackingNumber: "trackingNumber",
  product: "product",
  supplier: "supplier",
  location: "location",
  marketplace: "marketplace",
};

/**
 * Fields every selection of these types carries, so that a checker can tell whose row it is: its id,
 * and for a record of a customer's, the key naming that customer (the policy's `personalData`).
 */
const identifying: Record<string, readonly string[]> = {
  Customer: ["id"],
  Transaction: ["id"],
  TransactionItem: ["id"],
  Shipment: ["id"],
  TrackingEvent: ["id"],
  SupportTicket: ["id"],
  AppSession: ["id"],
  Marketplace: ["code"],
  RegionalSales: ["country"],
  DiscoverKpi: ["marketplace"],
  PurchaseKpi: ["marketplace"],
  FulfillmentKpi: ["marketplace"],
};

const personalKeys = new Map(personalData.map((p) => [p.type, [p.key]]));

/**
 * Random valid operations over a schema: random subsets of fields down to a depth, through aliases,
 * inline and named fragments, with argument values from real pools. Deterministic for a `Random`.
 * Within one document a field is always given the same arguments, so selections merge.
 */
export class DocumentGenerator {
  private fragments: string[] = [];
  private aliases = 0;
  private argumentsOf = new Map<string, string>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly rng: Random,
    private readonly pools: ValuePools,
  ) {}

  /** An operation selecting `roots` (field names of Query) with random selections below them. */
  operation(roots: readonly string[], depth: number): string {
    this.fragments = [];
    this.aliases = 0;
    this.argumentsOf = new Map();
    const query = this.schema.getQueryType() as GraphQLObjectType;
    const fields = roots.map((name) =>
      this.field(query, query.getFields()[name] as GraphQLField<unknown, unknown>, depth),
    );
    return `query Generated { ${fields.join(" ")} } ${this.fragments.join(" ")}`;
  }

  /** `_entities` for `representations`, selecting each entity type's fields at random. */
  entities(typenames: readonly string[], depth: number): string {
    this.fragments = [];
    this.aliases = 0;
    this.argumentsOf = new Map();
    const selections = typenames.map((name) => {
      const type = this.schema.getType(name) as GraphQLObjectType;
      return `... on ${name} { ${this.selections(type, depth)} }`;
    });
    return `query Generated($representations: [_Any!]!) { _entities(representations: $representations) { __typename ${selections.join(" ")} } } ${this.fragments.join(" ")}`;
  }

  private field(parent: GraphQLObjectType, field: GraphQLField<unknown, unknown>, depth: number): string {
    const key = `${parent.name}.${field.name}`;
    let args = this.argumentsOf.get(key);
    if (args === undefined) {
      args = this.arguments(field);
      this.argumentsOf.set(key, args);
    }
    const alias = this.aliases < 10 && this.rng.chance(0.15) ? `a${++this.aliases}: ` : "";
    const named = getNamedType(field.type);
    const below = isObjectType(named) || isUnionType(named) ? ` { ${this.below(named, depth - 1)} }` : "";
    return `${alias}${field.name}${args}${below}`;
  }

  private below(type: GraphQLNamedType, depth: number): string {
    if (isUnionType(type))
      return `__typename ${type
        .getTypes()
        .map((t) => `... on ${t.name} { ${this.selections(t, depth)} }`)
        .join(" ")}`;
    const object = type as GraphQLObjectType;
    const inner = this.selections(object, depth);
    const roll = this.rng.int(0, 9);
    if (roll === 0) return `__typename ... on ${object.name} { ${inner} }`;
    if (roll === 1) {
      const name = `F${this.fragments.length + 1}`;
      this.fragments.push(`fragment ${name} on ${object.name} { ${inner} }`);
      return `__typename ...${name}`;
    }
    return inner;
  }

  /** A random subset of `type`'s fields (objects only while depth remains), its identifying fields always. */
  private selections(type: GraphQLObjectType, depth: number): string {
    const all = Object.values(type.getFields()).filter((f) => !f.name.startsWith("_"));
    const usable = all.filter((f) => {
      const named = getNamedType(f.type);
      return depth > 0 || !(isObjectType(named) || isUnionType(named));
    });
    const wanted = new Set([...(identifying[type.name] ?? []), ...(personalKeys.get(type.name) ?? [])]);
    const chosen = usable.filter((f) => wanted.has(f.name) || this.rng.chance(Math.min(0.9, 3 / usable.length)));
    if (!chosen.length && usable.length) chosen.push(this.rng.pick(usable));
    return ["__typename", ...chosen.map((f) => this.field(type, f, depth))].join(" ");
  }

  private arguments(field: GraphQLField<unknown, unknown>): string {
    const parts = field.args.flatMap((arg) => {
      const required = isNonNullType(arg.type);
      if (!required && !["first", "grain", "groupBy", "filter"].includes(arg.name)) return [];
      if (!required && this.rng.chance(0.5)) return [];
      const value = this.value(arg.name, arg.type, field.name);
      return value === undefined ? [] : [`${arg.name}: ${value}`];
    });
    return parts.length ? `(${parts.join(", ")})` : "";
  }

  private value(name: string, type: GraphQLInputType, fieldName: string): string | undefined {
    const nullable = getNullableType(type);
    if (isListType(nullable)) {
      const item = this.value(name, nullable.ofType, fieldName);
      return item === undefined ? "[]" : `[${item}]`;
    }
    const named = getNamedType(type);
    if (isEnumType(named)) return this.rng.pick(named.getValues()).name;
    if (isInputObjectType(named)) {
      const fields = Object.values(named.getFields()).flatMap((f) => {
        const wanted = isNonNullType(f.type) || f.name === "from" || f.name === "to";
        if (!wanted) return [];
        const value = this.value(f.name, f.type, fieldName);
        return value === undefined ? [] : [`${f.name}: ${value}`];
      });
      return `{ ${fields.join(", ")} }`;
    }
    if (!isScalarType(named)) return undefined;
    const pool = poolOfField[fieldName];
    if (pool && (name === "id" || name === "code" || name === "trackingNumber"))
      return JSON.stringify(this.rng.pick(this.pools.ids[pool] ?? ["NONE"]));
    if (name === "first") return String(this.rng.int(1, 3));
    if (name === "from") return named.name === "DateTime" ? '"2024-01-01T00:00:00Z"' : '"2025-04-01"';
    if (name === "to") return named.name === "DateTime" ? '"2026-01-01T00:00:00Z"' : '"2025-04-07"';
    if (name === "role") return JSON.stringify(this.rng.pick(this.pools.roles));
    if (name === "document") return JSON.stringify('{ customer(id: "CUST001") { id email } }');
    if (named.name === "Int") return "1";
    if (named.name === "Boolean") return "true";
    return JSON.stringify(this.rng.pick(this.pools.markets));
  }
}
