import { secretInputs } from "@c360/auth";
import {
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  Kind,
  TypeInfo,
  typeFromAST,
  visit,
  visitWithTypeInfo,
} from "graphql";

/** The longest variables text an access event keeps; a longer one is cut, saying so. */
export const MAX_VARIABLES = 4 * 1024;

const MASK = "***";
const secret = new Set(secretInputs);

/** Where a document's variables meet secret inputs: whole variables, and variables holding input objects. */
interface MaskPlan {
  whole: Set<string>;
  typed: Map<string, GraphQLInputType>;
}

/**
 * A request's variables as the access trail keeps them: JSON text with the values that reach a
 * secret input (`secretInputs`) masked, whether passed as a variable of their own or inside an input
 * object, at most MAX_VARIABLES characters; null when there are none. The plan is worked out once
 * per parsed document.
 */
export function variablesOfTrail(schema: GraphQLSchema): (document: DocumentNode, variables: unknown) => string | null {
  const plans = new WeakMap<DocumentNode, MaskPlan>();
  return (document, variables) => {
    if (variables === null || typeof variables !== "object" || !Object.keys(variables).length) return null;
    let plan = plans.get(document);
    if (!plan) {
      plan = maskPlan(schema, document);
      plans.set(document, plan);
    }
    // No prototype: a variable named `__proto__` is kept as a value, never set as one.
    const masked: Record<string, unknown> = Object.create(null);
    for (const [name, value] of Object.entries(variables as Record<string, unknown>)) {
      const type = plan.typed.get(name);
      masked[name] = plan.whole.has(name) ? MASK : type ? maskValue(value, type) : value;
    }
    const text = JSON.stringify(masked);
    return text.length > MAX_VARIABLES
      ? `${text.slice(0, MAX_VARIABLES)}…[+${text.length - MAX_VARIABLES} characters]`
      : text;
  };
}

function maskPlan(schema: GraphQLSchema, document: DocumentNode): MaskPlan {
  const plan: MaskPlan = { whole: new Set(), typed: new Map() };
  const typeInfo = new TypeInfo(schema);
  const maskIfVariable = (coordinate: string, value: { kind: Kind; name?: { value: string } }) => {
    if (secret.has(coordinate) && value.kind === Kind.VARIABLE && value.name) plan.whole.add(value.name.value);
  };
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      VariableDefinition(node) {
        const type = typeFromAST(schema, node.type);
        if (type && isInputObjectType(getNamedType(type)))
          plan.typed.set(node.variable.name.value, type as GraphQLInputType);
      },
      Argument(node) {
        const field = typeInfo.getFieldDef();
        const parent = typeInfo.getParentType();
        if (field && parent) maskIfVariable(`${parent.name}.${field.name}(${node.name.value}:)`, node.value);
      },
      ObjectField(node) {
        const parent = typeInfo.getParentInputType();
        if (parent) maskIfVariable(`${getNamedType(parent).name}.${node.name.value}`, node.value);
      },
    }),
  );
  return plan;
}

/** `value` read as `type`, with every field of a secret input masked (unknown fields kept as sent). */
function maskValue(value: unknown, type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return maskValue(value, type.ofType);
  if (isListType(type)) return Array.isArray(value) ? value.map((v) => maskValue(v, type.ofType)) : value;
  if (!isInputObjectType(type) || value === null || typeof value !== "object" || Array.isArray(value)) return value;
  const fields = type.getFields();
  const out: Record<string, unknown> = Object.create(null);
  for (const [name, inner] of Object.entries(value)) {
    const field = Object.hasOwn(fields, name) ? fields[name] : undefined;
    out[name] = !field ? inner : secret.has(`${type.name}.${name}`) ? MASK : maskValue(inner, field.type);
  }
  return out;
}
