import { pageSize } from "@c360/subgraph-kit";
import type { GraphQLResolveInfo } from "graphql";

/** `first`, from 0 to 500; an explicit null means the field's default in the schema, as an omitted one does. */
export function firstOf(first: number | null | undefined, info: GraphQLResolveInfo): number {
  const field = info.parentType.getFields()[info.fieldName];
  return pageSize(first ?? (field?.args.find((a) => a.name === "first")?.defaultValue as number | undefined));
}
