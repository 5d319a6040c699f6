// What the root vitest global setup provides to every test file (tooling/vitest/global-setup.ts).
declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    redisUrl: string;
    queuePrefix: string;
  }
}

export {};
