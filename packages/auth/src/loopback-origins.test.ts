import { describe, expect, it } from "vitest";

import { loopbackOrigins } from "./loopback-origins";

describe("loopbackOrigins", () => {
  it.each([
    [
      "http://localhost:3000",
      ["http://localhost:3000", "http://127.0.0.1:3000", "http://[::1]:3000"],
    ],
    [
      "http://127.0.0.1:4100/",
      ["http://localhost:4100", "http://127.0.0.1:4100", "http://[::1]:4100"],
    ],
    ["http://[::1]:80", ["http://localhost", "http://127.0.0.1", "http://[::1]"]],
    ["https://caseward.example.com", []],
    ["https://localhost.example.com:3000", []],
    [undefined, []],
    ["not a url", []],
  ])("%s → %j", (baseURL, origins) => {
    expect(loopbackOrigins(baseURL)).toEqual(origins);
  });
});
