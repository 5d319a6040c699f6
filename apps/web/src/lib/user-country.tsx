"use client";

import type { ReactNode } from "react";
import { createContext, useContext } from "react";

const UserCountryContext = createContext<string | null>(null);

/** The user's settings country: phone numbers in it are written the national way. */
export function UserCountryProvider({
  country,
  children,
}: {
  country: string | null;
  children: ReactNode;
}) {
  return <UserCountryContext value={country}>{children}</UserCountryContext>;
}

export const useUserCountry = () => useContext(UserCountryContext);
