import {
  type DefinitionNode,
  type DocumentNode,
  type FieldDefinitionNode,
  Kind,
  type ObjectTypeDefinitionNode,
  parse,
  print,
  type TypeNode,
} from "graphql";
import { entitlementsOf, mayRead, type RoleName, roleNames } from "./policy";

const machinery = /^(join__|link__|_)/;
const namedTypeOf = (type: TypeNode): string =>
  type.kind === Kind.NAMED_TYPE ? type.name.value : namedTypeOf(type.type);
const isClientField = (f: FieldDefinitionNode) =>
  !machinery.test(f.name.value) && !f.directives?.some((d) => d.name.value === "inaccessible");

/** Every `Type.field` clients can select in the supergraph (federation machinery and @inaccessible aside). */
export function supergraphCoordinates(supergraphSdl: string): string[] {
  return parse(supergraphSdl)
    .definitions.filter(
      (d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION && !machinery.test(d.name.value),
    )
    .flatMap((d) => (d.fields ?? []).filter(isClientField).map((f) => `${d.name.value}.${f.name.value}`))
    .sort();
}

/** The role x coordinate matrix as Markdown or CSV (`yes` where the role may read the field). */
export function accessMatrix(supergraphSdl: string, format: "md" | "csv"): string {
  const rows = supergraphCoordinates(supergraphSdl).map((c) => [
    c,
    ...roleNames.map((r) => (mayRead(entitlementsOf([r]), c) ? "yes" : "")),
  ]);
  if (format === "csv") return [["coordinate", ...roleNames], ...rows].map((r) => r.join(",")).join("\n");
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(["coordinate", ...roleNames]), line(["---", ...roleNames.map(() => "---")]), ...rows.map(line)].join(
    "\n",
  );
}

/**
 * The roles as a Markdown table: each role's entitlements and how many of the graph's fields they
 * open (the README's roles table is this output, checked by a test).
 */
export function rolesTable(supergraphSdl: string): string {
  const coordinates = supergraphCoordinates(supergraphSdl);
  const line = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;
  return [
    line(["role", "entitlements", "fields it may read"]),
    line(["---", "---", "---"]),
    ...roleNames.map((role) => {
      const held = entitlementsOf([role]);
      const readable = coordinates.filter((c) => mayRead(held, c)).length;
      const names = role === "c360_admin" ? "all" : [...held].map((e) => `\`${e}\``).join(", ");
      return line([`\`${role}\``, names, `${readable} of ${coordinates.length}`]);
    }),
  ].join("\n");
}

/**
 * The SDL cut down to what a holder of `roles` may read: fields it is denied are gone, then types
 * left without fields, then fields and arguments that point at them, until nothing changes.
 * Federation directives and types are stripped: this is the graph as that role's clients see it.
 */
export function roleSchema(supergraphSdl: string, roles: readonly RoleName[]): string {
  const held = entitlementsOf(roles);
  const strip = <T extends { directives?: readonly { name: { value: string } }[] }>(node: T): T => ({
    ...node,
    directives: (node.directives ?? []).filter((d) => !machinery.test(d.name.value) && d.name.value !== "inaccessible"),
  });
  let definitions: DefinitionNode[] = parse(supergraphSdl).definitions.flatMap((d): DefinitionNode[] => {
    if (d.kind === Kind.SCHEMA_DEFINITION || d.kind === Kind.DIRECTIVE_DEFINITION) return [];
    if (!("name" in d) || !d.name || machinery.test(d.name.value)) return [];
    if (d.kind === Kind.OBJECT_TYPE_DEFINITION) {
      const fields = (d.fields ?? []).filter(
        (f) => isClientField(f) && mayRead(held, `${d.name.value}.${f.name.value}`),
      );
      return [strip({ ...d, fields: fields.map(strip) })];
    }
    if (d.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION) return [strip({ ...d, fields: d.fields?.map(strip) })];
    if (d.kind === Kind.ENUM_TYPE_DEFINITION) return [strip({ ...d, values: d.values?.map(strip) })];
    return [strip(d as DefinitionNode & { directives?: readonly { name: { value: string } }[] })];
  });
  for (;;) {
    const emptied = new Set(
      definitions.flatMap((d) => (d.kind === Kind.OBJECT_TYPE_DEFINITION && !d.fields?.length ? [d.name.value] : [])),
    );
    const next = definitions
      .filter((d) => !(d.kind === Kind.OBJECT_TYPE_DEFINITION && emptied.has(d.name.value)))
      .map((d) =>
        d.kind === Kind.OBJECT_TYPE_DEFINITION
          ? { ...d, fields: d.fields?.filter((f) => !emptied.has(namedTypeOf(f.type))) }
          : d,
      );
    const used = new Set(
      next.flatMap((d) =>
        d.kind === Kind.OBJECT_TYPE_DEFINITION
          ? (d.fields ?? []).flatMap((f) => [
              namedTypeOf(f.type),
              ...(f.arguments ?? []).map((a) => namedTypeOf(a.type)),
            ])
          : d.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION
            ? (d.fields ?? []).map((f) => namedTypeOf(f.type))
            : [],
      ),
    );
    const kept = next.filter(
      (d) => d.kind === Kind.OBJECT_TYPE_DEFINITION || ("name" in d && d.name && used.has(d.name.value)),
    );
    if (emptied.size === 0 && kept.length === definitions.length) break;
    definitions = kept;
  }
  return print({ kind: Kind.DOCUMENT, definitions } as DocumentNode);
}

/** What `accessDiff` reads of a version of the policy module (this one, or one built from a git ref). */
export interface PolicyVersionView {
  /** The version (`policyVersion`); policies from before versions have none. */
  version?: string;
  roles: Readonly<Record<string, readonly string[]>>;
  roleNames: readonly string[];
  entitlementsOf(roleList: readonly string[]): ReadonlySet<string>;
  mayRead(held: ReadonlySet<string>, coordinate: string): boolean;
}

/** One coordinate whose readers changed: the roles that may read it now and could not, and the reverse. */
export interface CoordinateChange {
  coordinate: string;
  /** `added`/`removed` when the field itself came into or left the graph. */
  field: "added" | "removed" | "kept";
  gained: string[];
  lost: string[];
}

/** What changed between two versions of the policy, each over its own supergraph. */
export interface AccessDiff {
  before: string | null;
  after: string | null;
  rolesAdded: string[];
  rolesRemoved: string[];
  /** Per role kept: the entitlements it gained and lost. */
  entitlements: { role: string; gained: string[]; lost: string[] }[];
  coordinates: CoordinateChange[];
}

const readers = (policy: PolicyVersionView, coordinate: string) =>
  policy.roleNames.filter((r) => policy.mayRead(policy.entitlementsOf([r]), coordinate));
const minus = (a: readonly string[], b: readonly string[]) => a.filter((x) => !b.includes(x));

/**
 * Who may read what, before and after: roles added and removed, each kept role's entitlements gained
 * and lost, and every coordinate (of either supergraph) whose readers changed.
 */
export function accessDiff(
  before: { policy: PolicyVersionView; supergraphSdl: string },
  after: { policy: PolicyVersionView; supergraphSdl: string },
): AccessDiff {
  const was = new Set(supergraphCoordinates(before.supergraphSdl));
  const is = new Set(supergraphCoordinates(after.supergraphSdl));
  const coordinates = [...new Set([...was, ...is])].sort().flatMap((coordinate): CoordinateChange[] => {
    const then = was.has(coordinate) ? readers(before.policy, coordinate) : [];
    const now = is.has(coordinate) ? readers(after.policy, coordinate) : [];
    const change = {
      coordinate,
      field: !was.has(coordinate) ? "added" : !is.has(coordinate) ? "removed" : "kept",
      gained: minus(now, then),
      lost: minus(then, now),
    } as const;
    return change.gained.length || change.lost.length || change.field !== "kept" ? [change] : [];
  });
  const kept = before.policy.roleNames.filter((r) => after.policy.roleNames.includes(r));
  return {
    before: before.policy.version ?? null,
    after: after.policy.version ?? null,
    rolesAdded: minus(after.policy.roleNames, before.policy.roleNames),
    rolesRemoved: minus(before.policy.roleNames, after.policy.roleNames),
    entitlements: kept
      .map((role) => {
        const then = [...before.policy.entitlementsOf([role])];
        const now = [...after.policy.entitlementsOf([role])];
        return { role, gained: minus(now, then), lost: minus(then, now) };
      })
      .filter((r) => r.gained.length || r.lost.length),
    coordinates,
  };
}

/** The diff as Markdown: a summary, the roles' entitlement changes, then one row per coordinate changed. */
export function formatAccessDiff(diff: AccessDiff, labels: { before: string; after: string }): string {
  const names = (list: readonly string[]) => (list.length ? list.map((n) => `\`${n}\``).join(", ") : "");
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  const out = [
    `Access policy ${diff.before ?? "(unversioned)"} (${labels.before}) -> ${diff.after ?? "(unversioned)"} (${labels.after})`,
  ];
  if (!diff.rolesAdded.length && !diff.rolesRemoved.length && !diff.entitlements.length && !diff.coordinates.length)
    return [...out, "", "No change in who may read what."].join("\n");
  if (diff.rolesAdded.length) out.push(`Roles added: ${names(diff.rolesAdded)}`);
  if (diff.rolesRemoved.length) out.push(`Roles removed: ${names(diff.rolesRemoved)}`);
  if (diff.entitlements.length)
    out.push(
      "",
      line(["role", "entitlements gained", "entitlements lost"]),
      line(["---", "---", "---"]),
      ...diff.entitlements.map((r) => line([`\`${r.role}\``, names(r.gained), names(r.lost)])),
    );
  out.push(
    "",
    `${diff.coordinates.length} coordinate(s) changed:`,
    "",
    line(["coordinate", "field", "roles gained", "roles lost"]),
    line(["---", "---", "---", "---"]),
    ...diff.coordinates.map((c) =>
      line([c.coordinate, c.field === "kept" ? "" : c.field, names(c.gained), names(c.lost)]),
    ),
  );
  return out.join("\n");
}
