// The framework's floor for `pnpm bench`: a route of the same server that does no work.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ ok: true }, { headers: { "cache-control": "no-store" } });
}
