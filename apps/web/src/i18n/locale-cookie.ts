/** The language picked on the sign-in page, before there is an account to keep it. */
export const localeCookie = "locale";
