/** File sizes for people: "2.4 MB", "310 kB". */
export function formatBytes(n: number): string {
  return n >= 1024 * 1024
    ? `${Math.round((n / 1024 / 1024) * 10) / 10} MB`
    : `${Math.max(1, Math.round(n / 1024))} kB`;
}

/** A Buffer as a Response body (one copy of its bytes). */
export function responseBody(data: Buffer): ArrayBuffer {
  return data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
}
