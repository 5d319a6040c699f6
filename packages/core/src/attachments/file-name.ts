import { extensionForMimeType } from "./sniff";

const maxFileNameLength = 200;

// C0/C1 controls, and the bidi overrides that make "invoice‮fdp.exe" read as "invoiceexe.pdf".
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const unsafeCharacters = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * The name the user's file had, fit to show: the last path segment, no control or direction
 * characters, at most 200 characters with the extension kept. Never used as a path.
 */
export function displayFileName(name: string, fallbackExtension: string): string {
  const base = (name.split(/[/\\]/).pop() ?? "").normalize("NFC").replace(unsafeCharacters, "");
  const trimmed = base.trim();
  if (trimmed === "" || /^\.+$/.test(trimmed)) return `attachment.${fallbackExtension}`;
  const chars = [...trimmed];
  if (chars.length <= maxFileNameLength) return trimmed;
  const dot = trimmed.lastIndexOf(".");
  const extension = dot > 0 ? [...trimmed.slice(dot)] : [];
  if (extension.length > 16) return chars.slice(0, maxFileNameLength).join("");
  return chars.slice(0, maxFileNameLength - extension.length).join("") + extension.join("");
}

/** The name a download is saved under: ends in the extension of what the file really is. */
export function downloadFileName(fileName: string, mimeType: string): string {
  const extension = extensionForMimeType(mimeType);
  if (!extension || fileName.toLowerCase().endsWith(`.${extension}`)) return fileName;
  return `${fileName}.${extension}`;
}

/**
 * `Content-Disposition` for a download: an ASCII fallback and the exact name in UTF-8.
 * https://www.rfc-editor.org/rfc/rfc6266#section-4.3
 */
export function attachmentContentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
