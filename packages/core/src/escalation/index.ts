export * from "./next-channel";
export * from "./quiet-hours";
export * from "./timer-service";
export * from "./fire-timer";
export * from "./calendar-feed";
