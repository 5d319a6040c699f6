export interface TestServices {
  postgresServerUrl: string;
  redisUrl: string;
  stop(): Promise<void>;
}
export function testServices(dataDir: string, log?: (line: string) => void): Promise<TestServices>;
export function startEmbeddedPostgres(
  dir: string,
  log: (line: string) => void,
): Promise<{ url: string; stop(): Promise<void> }>;
