export * from "./definitions";
export * from "./job-ids";
export * from "./producer";
export * from "./schedule";
