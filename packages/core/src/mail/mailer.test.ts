import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { readDevMailbox } from "./dev-mailbox";
import { createMailer } from "./mailer";
import { welcomeEmail } from "./templates/welcome";

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

describe("dev mailbox", () => {
  it("keeps each email as .eml and lists only the ones addressed to a user, newest first", async () => {
    const dir = await mkdtemp(join(tmpdir(), "cw-mailbox-"));
    dirs.push(dir);
    const mailer = createMailer({ from: "Caseward <no-reply@caseward.local>", mailboxDir: dir });
    await mailer.send(
      await welcomeEmail({
        to: "ana@example.test",
        name: "Ana",
        appUrl: "http://localhost:3000",
        settingsUrl: "http://localhost:3000/settings",
      }),
    );
    await new Promise((r) => setTimeout(r, 5));
    await mailer.send({
      to: "ana@example.test",
      subject: "Second",
      text: "two",
      html: "<p>two</p>",
    });
    await mailer.send({
      to: "ben@example.test",
      subject: "For Ben",
      text: "hi",
      html: "<p>hi</p>",
    });

    const ana = await readDevMailbox(dir, "ANA@example.test");
    expect(ana.map((e) => e.subject)).toEqual(["Second", "Welcome to Caseward"]);
    expect(ana[1]?.text).toContain("Hello Ana");
    const files = await readdir(dir);
    expect(files.filter((f) => f.endsWith(".eml"))).toHaveLength(3);
    const eml = await readFile(
      join(
        dir,
        files.find((f) => f.endsWith(".eml"))!,
      ),
      "utf8",
    );
    expect(eml).toMatch(/^From: Caseward <no-reply@caseward.local>$/m);
  });

  it("answers an empty list when the mailbox does not exist yet", async () => {
    expect(await readDevMailbox(join(tmpdir(), "cw-none-" + Date.now()), "x@example.test")).toEqual(
      [],
    );
  });

  it("escapes the user's name in the HTML part", async () => {
    const email = await welcomeEmail({
      to: "x@example.test",
      name: "<script>x</script>",
      appUrl: "http://localhost:3000",
      settingsUrl: "http://localhost:3000/settings",
    });
    expect(email.html).toContain("&lt;script&gt;x&lt;/script&gt;");
    expect(email.html).not.toContain("<script>x");
  });
});
