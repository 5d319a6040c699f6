export * from "./length";
export * from "./rules";
export { isCommonPassword } from "./common-passwords";
