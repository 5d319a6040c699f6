export * from "./figures";
export * from "./schemas";
export * from "./company-report";
export * from "./insights";
export * from "./csv";
export { figuresQuery } from "./insight-queries";
export * from "./insights-cache";
