export { type Composition, compose, defaultUrlOf } from "./compose";
export { dataContract, dataContractYaml, UnknownDataProductError } from "./contract";
export { type Stack, startStack } from "./stack";
export { subgraphs } from "./subgraphs";
