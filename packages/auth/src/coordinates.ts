import {
  type DocumentNode,
  type GraphQLSchema,
  getNamedType,
  Kind,
  type OperationDefinitionNode,
  parse,
  TypeInfo,
  validate,
  visit,
  visitWithTypeInfo,
} from "graphql";
import { entitlementsOf, isRole, mayRead, openedBy, type RoleName } from "./policy";

/** A field a document selects: its schema coordinate and where it stands (response keys). */
export interface RequestedField {
  coordinate: string;
  path: string;
}

/**
 * Every field `document` selects, through aliases, inline and named fragments, as `Type.field`
 * coordinates (introspection and `__typename` aside). Fields of named fragments are reported once,
 * with a path rooted at the fragment (`...FragmentName.field`).
 */
export function requestedFields(schema: GraphQLSchema, document: DocumentNode): RequestedField[] {
  const typeInfo = new TypeInfo(schema);
  const path: string[] = [];
  const out: RequestedField[] = [];
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      FragmentDefinition: {
        enter: (node) => {
          path.push(`...${node.name.value}`);
        },
        leave: () => {
          path.pop();
        },
      },
      Field: {
        enter: (node) => {
          const parent = typeInfo.getParentType();
          path.push(node.alias?.value ?? node.name.value);
          if (!parent || node.name.value.startsWith("__")) return;
          out.push({ coordinate: `${getNamedType(parent).name}.${node.name.value}`, path: path.join(".") });
        },
        leave: () => {
          path.pop();
        },
      },
    }),
  );
  return out;
}

export interface DeniedField extends RequestedField {
  /** Entitlements any of which would open it (empty: open to no role). */
  missing: string[];
}

/**
 * What `role` would be denied in `document`, and by which missing entitlement, without running it.
 * Throws a message for an unknown role, or a document that does not parse or does not validate
 * against `schema` (an unknown field or type would otherwise be explained as allowed, or denied as
 * open to no role, when the gateway refuses it).
 */
export function explainAccess(schema: GraphQLSchema, role: string, document: string): DeniedField[] {
  if (!isRole(role)) throw new Error(`unknown role "${role}"`);
  const held = entitlementsOf([role as RoleName]);
  const parsed = parse(document);
  if (parsed.definitions.some((d) => d.kind !== Kind.OPERATION_DEFINITION && d.kind !== Kind.FRAGMENT_DEFINITION)) {
    throw new Error("the document must hold operations and fragments only");
  }
  // As the gateway refuses them (graphql 16's validation lets an operation without a root type through).
  const change = parsed.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && d.operation !== "query",
  );
  if (change) throw new Error(`the graph answers queries only, and this document holds a ${change.operation}`);
  const [invalid] = validate(schema, parsed);
  if (invalid) throw new Error(`the document does not validate against the graph: ${invalid.message}`);
  return requestedFields(schema, parsed)
    .filter((f) => !mayRead(held, f.coordinate))
    .map((f) => ({ ...f, missing: [...(openedBy.get(f.coordinate) ?? [])] }));
}
