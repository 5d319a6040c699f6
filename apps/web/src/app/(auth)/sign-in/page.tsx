import type { Metadata } from "next";

import { safeNextPath } from "~/lib/next-path";
import { AuthForm } from "../auth-form";

export const metadata: Metadata = { title: "Sign in" };

const notices: Record<string, string> = {
  deleted: "Your account and everything in it were deleted. Thank you for using Caseward.",
};

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ account?: string; next?: string | string[] }>;
}) {
  const { account, next } = await searchParams;
  return (
    <AuthForm
      mode="sign-in"
      notice={account ? notices[account] : undefined}
      next={safeNextPath(next) ?? undefined}
    />
  );
}
