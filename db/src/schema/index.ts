export * from "./audit";
export * from "./customer";
export * from "./cx";
export * from "./insights";
export * from "./logistics";
export * from "./meta";
export * from "./product";
export * from "./sales";
