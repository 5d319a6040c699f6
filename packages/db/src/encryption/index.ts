export * from "./key-ring";
export * from "./field-cipher";
export * from "./encrypted-text";
export * from "./search-tokens";
export * from "./key-file";
