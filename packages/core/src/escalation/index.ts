export * from "./response-window";
export * from "./quiet-hours";
export * from "./timer-service";
export * from "./fire-timer";
export * from "./calendar-feed";
export * from "./deadlines";
export * from "./deadline-status";
export * from "./coming-due";
