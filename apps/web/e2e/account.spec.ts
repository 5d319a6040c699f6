import { expect, test } from "@playwright/test";

import { mutate, newPerson, query, signUpByApi } from "./fixtures";

test("a person downloads everything, then deletes the account after giving the password again", async ({
  page,
}) => {
  const person = await signUpByApi(page.request, newPerson("Yara Saleh"));
  await mutate(page.request, "company.create", { name: "Videotron", website: "videotron.com" });

  await page.goto("/settings");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download everything (zip)" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^caseward-export-\d{4}-\d{2}-\d{2}\.zip$/);
  const zip = await page.request.get("/api/account/export");
  expect(zip.status()).toBe(200);
  expect(zip.headers()["content-type"]).toBe("application/zip");
  expect((await zip.body()).subarray(0, 2).toString()).toBe("PK");

  await page.getByRole("button", { name: "Delete my account" }).click();
  const confirm = page.getByRole("form", { name: "Delete my account" });
  await confirm.getByLabel("Your password").fill("not my password at all");
  await confirm.getByRole("button", { name: "Delete everything" }).click();
  await expect(confirm.getByRole("alert")).toContainText("That password is not right.");
  expect((await query(page.request, "company.list")).status).toBe(200);

  await confirm.getByLabel("Your password").fill(person.password);
  await confirm.getByRole("button", { name: "Delete everything" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  expect((await query(page.request, "company.list")).status).toBe(401);
  const signIn = await page.request.post("/api/auth/sign-in/email", {
    data: { email: person.email, password: person.password },
  });
  expect(signIn.status()).toBe(401);
});
