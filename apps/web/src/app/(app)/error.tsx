"use client";

import { Alert, Button } from "@caseward/ui";

export default function AppError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  const notFound = /not found/i.test(error.message);
  return (
    <div className="space-y-4">
      <Alert
        variant={notFound ? "warning" : "danger"}
        title={notFound ? "Not found" : "Something went wrong"}
      >
        {notFound
          ? "This does not exist, or it is not yours to see."
          : "We could not load this page. Try again in a moment."}
      </Alert>
      <Button variant="secondary" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
