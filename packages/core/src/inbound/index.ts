export * from "./addresses";
export * from "./store";
export * from "./file-message";
export * from "./message-id";
export * from "./sender-addresses";
