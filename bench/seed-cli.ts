// `pnpm seed:bench [--quick] [--users=N --cases=N --contacts=N]`: the bench's big data set in
// DATABASE_URL when set (migrated), else in a new database on the test server, which is kept
// and printed (drop it yourself).
import { createDatabase } from "@caseward/db/client";
import { keyRingText } from "@caseward/db/encryption";
import { migrateDatabase } from "@caseward/db/migrate";
import { createTestDatabase } from "@caseward/services/test-database";
import { testServices } from "@caseward/services/test-services";

import { fullDataSize, quickDataSize, seedBenchData } from "./seed-bench";
import { benchKeyRing } from "./seed-keys";

const flag = (name: string) => {
  const value = process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split("=")[1];
  return value === undefined ? undefined : Number(value.replaceAll("_", ""));
};
const base = process.argv.includes("--quick") ? quickDataSize : fullDataSize;
const size = {
  users: flag("users") ?? base.users,
  cases: flag("cases") ?? base.cases,
  contacts: flag("contacts") ?? base.contacts,
};

const dataDir = new URL("../.data", import.meta.url).pathname;
// The rows are encrypted: with the ring the app will read them with (ENCRYPTION_KEYS, else the
// one `pnpm start` keeps), or else one made now and printed, to start the app with.
const ring = keyRingText(dataDir);
if (ring) process.env.ENCRYPTION_KEYS = ring;
else console.warn(`ENCRYPTION_KEYS for this data set: ${benchKeyRing()}`);
const services = await testServices(dataDir);
try {
  let url = process.env.DATABASE_URL;
  if (url) await migrateDatabase(url);
  else url = (await createTestDatabase(services.postgresServerUrl, "caseward_seed")).url;
  // One connection: COPY rounds run one after the other anyway.
  const connection = createDatabase(url, { max: 1 });
  try {
    const seeded = await seedBenchData(connection.db.$client, size);
    console.log(
      `Seeded ${Object.entries(seeded.rows)
        .map(([table, n]) => `${n.toLocaleString("en")} ${table}`)
        .join(", ")} in ${seeded.seconds} s into ${url}`,
    );
  } finally {
    await connection.close();
  }
} finally {
  await services.stop();
}
