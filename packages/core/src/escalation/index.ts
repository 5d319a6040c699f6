export * from "./response-window";
export * from "./quiet-hours";
export * from "./timer-service";
export * from "./fire-timer";
export * from "./notification-service";
export * from "./calendar-feed";
export * from "./daily-digest";
export * from "./held-notifications";
