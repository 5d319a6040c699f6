// The PostgreSQL server and Redis that the tests, the e2e servers and the bench run against.
import { join } from "node:path";

import { portAnswers } from "./ports";
import { startEmbeddedPostgres } from "./postgres";
import { localRedis } from "./redis";

export interface TestServices {
  postgresServerUrl: string;
  redisUrl: string;
  stop(): Promise<void>;
}

/**
 * The env's (TEST_DATABASE_SERVER_URL, REDIS_URL), else the machine's on the default ports, else
 * our own (embedded PostgreSQL, redis-server from PATH) with data under `dataDir`.
 * `TEST_EMBEDDED=1` forces our own PostgreSQL.
 */
export async function testServices(
  dataDir: string,
  log = (line: string) => console.warn(line),
): Promise<TestServices> {
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const step of stops.reverse()) await step();
  };
  let postgresServerUrl = process.env.TEST_DATABASE_SERVER_URL;
  if (!postgresServerUrl) {
    if (process.env.TEST_EMBEDDED !== "1" && (await portAnswers(5432))) {
      postgresServerUrl = "postgres://postgres@127.0.0.1:5432/postgres";
    } else {
      log("no PostgreSQL on 127.0.0.1:5432: starting an embedded one for the tests");
      const pg = await startEmbeddedPostgres({
        dir: join(dataDir, "test-postgres"),
        portFrom: 54329,
        log,
      });
      stops.push(() => pg.stop());
      postgresServerUrl = pg.serverUrl;
    }
  }
  try {
    const redis = await localRedis(join(dataDir, "test-redis"), process.env.REDIS_URL);
    stops.push(() => redis.stop());
    return { postgresServerUrl, redisUrl: redis.url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
