import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { makeOwnerOnly } from "../local-files";
import { deleteDevMailbox, readDevMailbox, removeMailFiledByAddress } from "./dev-mailbox";
import { createMailer } from "./mailer";
import { welcomeEmail } from "./templates/welcome";

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

describe("dev mailbox", () => {
  it("keeps each email as .eml in its account's folder and lists only that account's, newest first", async () => {
    const dir = await mkdtemp(join(tmpdir(), "cw-mailbox-"));
    dirs.push(dir);
    const mailer = createMailer({ from: "Caseward <no-reply@caseward.local>", mailboxDir: dir });
    await mailer.send({
      ...(await welcomeEmail({
        to: "ana@example.test",
        name: "Ana",
        appUrl: "http://localhost:3000",
        settingsUrl: "http://localhost:3000/settings",
        locale: "en",
      })),
      userId: "ana1",
    });
    await new Promise((r) => setTimeout(r, 5));
    await mailer.send({
      to: "ana@example.test",
      subject: "Second",
      text: "two",
      html: "<p>two</p>",
      userId: "ana1",
    });
    await mailer.send({
      to: "ben@example.test",
      subject: "For Ben",
      text: "hi",
      html: "<p>hi</p>",
      userId: "ben1",
    });

    const ana = await readDevMailbox(dir, "ana1");
    expect(ana.map((e) => e.subject)).toEqual(["Second", "Welcome to Caseward"]);
    expect(ana[1]?.text).toContain("Hello Ana");
    const files = await readdir(join(dir, "ana1"));
    expect(files.filter((f) => f.endsWith(".eml"))).toHaveLength(2);
    const eml = await readFile(
      join(
        dir,
        "ana1",
        files.find((f) => f.endsWith(".eml"))!,
      ),
      "utf8",
    );
    expect(eml).toMatch(/^From: Caseward <no-reply@caseward.local>$/m);
    expect(eml).not.toMatch(/ana1/);
  });

  // Issue 18, finding 1: the probe deleted an account, signed up again with its address and
  // read the old account's mail (a red-flag email, a live reset link).
  it("gives a new account with a deleted account's address none of its mail", async () => {
    const dir = await mkdtemp(join(tmpdir(), "cw-mailbox-"));
    dirs.push(dir);
    const mailer = createMailer({ from: "Caseward <no-reply@caseward.local>", mailboxDir: dir });
    const reset = {
      to: "maya@example.test",
      subject: "Reset your Caseward password",
      text: "http://localhost:3000/api/auth/reset-password/live-token",
      html: "<p>reset</p>",
    };
    await mailer.send({ ...reset, userId: "maya-old" });
    expect(await readDevMailbox(dir, "maya-old")).toHaveLength(1);
    expect(await readDevMailbox(dir, "maya-new")).toEqual([]);

    await deleteDevMailbox(dir, "maya-old");
    expect(await readDevMailbox(dir, "maya-old")).toEqual([]);
    expect(await readdir(dir)).toEqual([]);
    // A path in place of an id reads and deletes nothing.
    expect(await readDevMailbox(dir, "../maya-old")).toEqual([]);
  });

  // Issue 18, finding 2: the mailbox was 755 with 644 files, readable by any local account.
  it("creates the mailbox owner-only (700 folders, 600 files) whatever the umask", async () => {
    const dir = join(await mkdtemp(join(tmpdir(), "cw-mailbox-")), "mailbox");
    dirs.push(dirname(dir));
    const previous = process.umask(0o022);
    try {
      const mailer = createMailer({ from: "Caseward <no-reply@caseward.local>", mailboxDir: dir });
      await mailer.send({
        to: "x@example.test",
        subject: "S",
        text: "t",
        html: "<p>t</p>",
        userId: "u1",
      });
    } finally {
      process.umask(previous);
    }
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    expect((await stat(join(dir, "u1"))).mode & 0o777).toBe(0o700);
    for (const name of await readdir(join(dir, "u1"))) {
      expect((await stat(join(dir, "u1", name))).mode & 0o777).toBe(0o600);
    }
  });

  it("makes an older install's data owner-only and drops mail filed by address only", async () => {
    const data = await mkdtemp(join(tmpdir(), "cw-data-"));
    dirs.push(data);
    const mailbox = join(data, "mailbox");
    await mkdir(join(mailbox, "u1"), { recursive: true, mode: 0o755 });
    await chmod(data, 0o755);
    await chmod(mailbox, 0o755);
    await writeFile(join(mailbox, "1-aa.json"), "{}", { mode: 0o644 });
    await writeFile(join(mailbox, "1-aa.eml"), "x", { mode: 0o644 });
    await writeFile(join(mailbox, "u1", "2-bb.json"), "{}", { mode: 0o644 });
    await writeFile(join(data, "secrets.json"), "{}", { mode: 0o644 });

    expect(await makeOwnerOnly(data)).toBe(7);
    expect(await removeMailFiledByAddress(mailbox)).toBe(2);
    expect(await readdir(mailbox)).toEqual(["u1"]);
    for (const [path, mode] of [
      [data, 0o700],
      [mailbox, 0o700],
      [join(mailbox, "u1"), 0o700],
      [join(mailbox, "u1", "2-bb.json"), 0o600],
      [join(data, "secrets.json"), 0o600],
    ] as const) {
      expect({ path, mode: (await stat(path)).mode & 0o777 }).toEqual({ path, mode });
    }
    // Run again, nothing is left to change; as root the top folder may stay passable.
    expect(await makeOwnerOnly(data)).toBe(0);
    await makeOwnerOnly(data, { topMode: 0o711 });
    expect((await stat(data)).mode & 0o777).toBe(0o711);
  });

  it("answers an empty list when the mailbox does not exist yet", async () => {
    expect(await readDevMailbox(join(tmpdir(), "cw-none-" + Date.now()), "x1")).toEqual([]);
  });

  it("escapes the user's name in the HTML part", async () => {
    const email = await welcomeEmail({
      to: "x@example.test",
      name: "<script>x</script>",
      appUrl: "http://localhost:3000",
      settingsUrl: "http://localhost:3000/settings",
      locale: "en",
    });
    expect(email.html).toContain("&lt;script&gt;x&lt;/script&gt;");
    expect(email.html).not.toContain("<script>x");
  });
});
