import { redirect } from "next/navigation";

import { env } from "~/env";
import { getSession } from "~/server/auth";
import { AppFrame } from "./app-frame";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const session = await getSession();
  if (!session) redirect("/sign-in");
  return (
    <AppFrame
      user={{ name: session.user.name, email: session.user.email }}
      devMailbox={!env.SMTP_URL}
    >
      {children}
    </AppFrame>
  );
}
