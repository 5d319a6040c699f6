export * from "./addresses";
export * from "./lookup-hash";
export * from "./store";
