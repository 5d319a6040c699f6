// The pages bench's deployment, kept running to profile a page by hand (a Chrome trace, a
// Lighthouse run with `--save-assets`): the production build on a throwaway database, the
// bench's person with 100 cases signed in. Writes `{ baseUrl, cookie, casePath }` to the file
// given as first argument (default /tmp/caseward-pages-serve.json) and serves until SIGINT or
// SIGTERM, then drops the database.
//   node --import tsx bench/pages-serve.ts /tmp/serve.json   (BENCH_PORT or E2E_PORT: the port)
import { writeFile } from "node:fs/promises";
import { join } from "node:path";

import { createDatabase } from "@caseward/db/client";
import { testServices } from "@caseward/services/test-services";

import { seedPagesPerson } from "./pages";
import { ensureWebBuild, signUp, startStack } from "./stack";

const out = process.argv[2] ?? "/tmp/caseward-pages-serve.json";
const port = Number(process.env.BENCH_PORT ?? process.env.E2E_PORT ?? 3310);
const services = await testServices(join(import.meta.dirname, "../.data"));
await ensureWebBuild();
const stack = await startStack({
  serverUrl: services.postgresServerUrl,
  redisUrl: services.redisUrl,
  port,
});
const connection = createDatabase(stack.databaseUrl, { max: 1 });
const person = await signUp(stack.baseUrl);
const { picked } = await seedPagesPerson(connection.db.$client, person.userId);
await connection.close();
await writeFile(
  out,
  JSON.stringify({
    baseUrl: stack.baseUrl,
    cookie: person.cookie,
    casePath: `/cases/${picked.caseId}`,
  }),
);
console.log(`Serving ${stack.baseUrl}; details in ${out}`);
const stop = () => void stack.stop().finally(() => process.exit(0));
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
