export * from "./rotate-keys";
export * from "./lookup-hash";
