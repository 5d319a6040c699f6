export * from "./definitions";
export * from "./producer";
