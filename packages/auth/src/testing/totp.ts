import { createHmac } from "node:crypto";

// RFC 6238 TOTP (HMAC-SHA1, 6 digits, 30 s), written out here so tests check the server
// against the standard, not against its own library.

const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** RFC 4648 base32 (no padding needed) to bytes. */
export function base32Decode(text: string) {
  const bits = [...text.replace(/=+$/, "").toUpperCase()]
    .map((c) => {
      const value = alphabet.indexOf(c);
      if (value < 0) throw new Error(`not base32: ${c}`);
      return value.toString(2).padStart(5, "0");
    })
    .join("");
  const bytes = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}

/** The code an authenticator app shows for a base32 secret at `time`. */
export function totpCode(base32Secret: string, time = Date.now(), step = 30) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(time / 1000 / step)));
  const mac = createHmac("sha1", base32Decode(base32Secret)).update(counter).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const value = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return String(value).padStart(6, "0");
}

/** The `secret` parameter of an otpauth:// URI. */
export const secretOf = (otpauthUri: string) => new URL(otpauthUri).searchParams.get("secret")!;
