export { type Composition, compose, defaultUrlOf } from "./compose";
export { type Stack, startStack } from "./stack";
export { subgraphs } from "./subgraphs";
