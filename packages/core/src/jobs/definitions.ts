import { z } from "zod";

// Every background job: its queue and the schema of its payload. Payloads carry ids only,
// never personal data (PRODUCT.md): handlers re-read what they need from Postgres.

export const queues = { email: "email" } as const;
export type QueueName = (typeof queues)[keyof typeof queues];

export const jobDefinitions = {
  "welcome-email": {
    queue: queues.email,
    payload: z.object({ userId: z.string().min(1).max(64) }),
  },
} as const;

export type JobName = keyof typeof jobDefinitions;
export type JobPayload<N extends JobName> = z.infer<(typeof jobDefinitions)[N]["payload"]>;

export const jobNames = Object.keys(jobDefinitions) as JobName[];
