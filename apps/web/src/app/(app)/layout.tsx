import { env } from "~/env";
import { requireSession } from "~/server/auth";
import { AppFrame } from "./app-frame";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const session = await requireSession();
  return (
    <AppFrame
      user={{ name: session.user.name, email: session.user.email }}
      devMailbox={!env.SMTP_URL}
    >
      {children}
    </AppFrame>
  );
}
