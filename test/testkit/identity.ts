import { entitlementsOf, mintToken, type RoleName, type Viewer } from "@c360/auth";
import { loadConfig } from "@c360/config";

/** A development token for `role` (HS256, the configured secret), as `c360 token` mints it. */
export function tokenFor(
  role: RoleName,
  options: { markets?: string[]; ttlSeconds?: number; subject?: string } = {},
): Promise<string> {
  return mintToken(
    loadConfig().identity,
    { subject: options.subject ?? `test-${role}`, roles: [role], markets: options.markets },
    options.ttlSeconds,
  );
}

/** The viewer a verified token for `role` yields, for in-process subgraph execution. */
export function viewerFor(role: RoleName, markets: string[] | null = null): Viewer {
  return {
    subject: `test-${role}`,
    roles: [role],
    claimedRoles: [role],
    entitlements: entitlementsOf([role]),
    markets,
  };
}
