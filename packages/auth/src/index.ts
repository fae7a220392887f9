export { type DeniedField, explainAccess, type RequestedField, requestedFields } from "./coordinates";
export {
  createTokenVerifier,
  mintToken,
  type TokenVerifier,
  unauthenticated,
  type Viewer,
} from "./identity";
export * from "./policy";
export { forbidden, personsCountRefused, personsLimitReached, withShield } from "./shield";
export {
  type AccessDiff,
  accessDiff,
  accessMatrix,
  type CoordinateChange,
  formatAccessDiff,
  type PolicyVersionView,
  roleSchema,
  rolesTable,
  supergraphCoordinates,
} from "./views";
