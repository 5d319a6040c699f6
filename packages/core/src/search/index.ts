export * from "./case-search";
export * from "./search-index";
