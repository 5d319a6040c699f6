// What the browser may import to read and write times: the user's clock, no Node code and no
// holiday data (countdowns are computed on the server, `countdownTo`, and written here).
export * from "./calendar/clock";
export * from "./calendar/region-guess";
