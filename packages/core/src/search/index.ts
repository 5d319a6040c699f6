export * from "./case-search";
