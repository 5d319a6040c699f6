/**
 * The cookie in which the browser tells the server its own zone, so a page rendered on the
 * server already knows whether to name the user's zone beside each time (see ClockProvider).
 * Not personal data beyond what every request's clock already says; no secret.
 */
export const deviceZoneCookie = "cw-device-zone";
