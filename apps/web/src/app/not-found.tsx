import Link from "next/link";

export default function NotFound() {
  return (
    <main
      id="content"
      className="flex min-h-dvh flex-col items-center justify-center gap-3 p-6 text-center"
    >
      <p className="text-sm font-medium text-primary">404</p>
      <h1 className="text-2xl font-semibold">Nothing here</h1>
      <p className="text-muted-foreground">This page does not exist, or it is not yours to see.</p>
      <Link href="/" className="font-medium text-primary hover:underline">
        Back to your cases
      </Link>
    </main>
  );
}
