const sizeFormat = new Intl.NumberFormat("en", { maximumFractionDigits: 1 });

/** "812 bytes", "14.2 KB", "3.4 MB", "1 GB" (units of 1,024, as file managers count). */
export function humanFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 ** 2) return `${sizeFormat.format(bytes / 1024)} KB`;
  if (bytes < 1024 ** 3) return `${sizeFormat.format(bytes / 1024 ** 2)} MB`;
  return `${sizeFormat.format(bytes / 1024 ** 3)} GB`;
}
