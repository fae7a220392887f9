export { type DeniedField, explainAccess, type RequestedField, requestedFields } from "./coordinates";
export {
  createTokenVerifier,
  mintToken,
  type TokenVerifier,
  unauthenticated,
  type Viewer,
} from "./identity";
export * from "./policy";
export { forbidden, withShield } from "./shield";
export { accessMatrix, roleSchema, rolesTable, supergraphCoordinates } from "./views";
