// heic-decode ships no types; a reference (not a tsconfig entry) so that every program that
// compiles this file, the web app's included, sees them.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./heic-decode.d.ts" />
// The small picture shown for an image attachment, made once at upload.

/** The longest side of a thumbnail, in pixels: twice what the list shows, for sharp screens. */
export const thumbnailEdge = 320;
export const thumbnailMimeType = "image/webp";

// A photo of 12 MP is ordinary, 48 MP is an iPhone's largest; far beyond is a decompression
// bomb (a small file that unpacks into gigabytes of pixels).
const maxPixels = 100_000_000;

/** The image could not be decoded (damaged, truncated, or too many pixels). */
export class UnreadableImageError extends Error {
  override name = "UnreadableImageError";
}

/** Pixels of a HEIC photo. sharp's prebuilt libvips reads HEIF with AV1 (AVIF) only, not the
 * HEVC of an iPhone's photos: libheif compiled to WebAssembly decodes those. */
async function heicPixels(bytes: Uint8Array) {
  const { default: decode } = await import("heic-decode");
  let images: Awaited<ReturnType<typeof decode.all>>;
  try {
    images = await decode.all({ buffer: bytes });
  } catch {
    throw new UnreadableImageError("The HEIC image could not be read.");
  }
  try {
    const primary = images[0];
    if (!primary) throw new UnreadableImageError("The HEIC file holds no image.");
    if (primary.width * primary.height > maxPixels) {
      throw new UnreadableImageError("The HEIC image has too many pixels.");
    }
    const image = await primary.decode().catch(() => {
      throw new UnreadableImageError("The HEIC image could not be decoded.");
    });
    return {
      data: Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength),
      raw: { width: image.width, height: image.height, channels: 4 as const },
    };
  } finally {
    images.dispose();
  }
}

/**
 * A WebP thumbnail of an image (PNG, JPEG, WebP or HEIC), turned upright as the camera
 * recorded it, at most `thumbnailEdge` pixels on its longest side; no metadata is kept (a
 * photo's location stays in the original only). Throws `UnreadableImageError` when the image
 * cannot be decoded.
 */
export async function makeThumbnail(bytes: Uint8Array, mimeType: string): Promise<Buffer> {
  const { default: sharp } = await import("sharp");
  try {
    const input =
      mimeType === "image/heic"
        ? await heicPixels(bytes).then(({ data, raw }) => sharp(data, { raw }))
        : sharp(bytes, { limitInputPixels: maxPixels, failOn: "error" });
    return await input
      .rotate()
      .resize(thumbnailEdge, thumbnailEdge, { fit: "inside", withoutEnlargement: true })
      .webp({ quality: 70 })
      .toBuffer();
  } catch (error) {
    if (error instanceof UnreadableImageError) throw error;
    throw new UnreadableImageError("The image could not be decoded.");
  }
}
