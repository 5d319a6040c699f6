import "server-only";

import { resolve } from "node:path";

import { env } from "~/env";

// Functions, not constants: `next build` loads this module without any environment.
export const dataDir = () => resolve(env.DATA_DIR);
export const mailboxDir = () => resolve(dataDir(), "mailbox");
