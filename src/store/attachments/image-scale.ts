/**
 * Scales an attached image down in the browser so its longest side is at most `maxSide` pixels, keeping its type
 * where the canvas can encode it (a GIF becomes a PNG; a type the canvas cannot write falls back to PNG). Loaded
 * with `import()` only when an image is attached.
 */

export interface ScaledImage {
  bytes: Uint8Array;
  mimeType: string;
  width: number;
  height: number;
}

/** The size that fits `maxSide`, keeping the aspect ratio (never scaled up). */
export function fittedSize(width: number, height: number, maxSide: number): { width: number; height: number } {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

function canvasOf(width: number, height: number) {
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(width, height);
    return { context: canvas.getContext('2d'), encode: (type: string) => canvas.convertToBlob({ type, quality: 0.9 }) };
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  return {
    context: canvas.getContext('2d'),
    encode: (type: string) =>
      new Promise<Blob>((resolve, reject) =>
        canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('encode'))), type, 0.9),
      ),
  };
}

/** The image as is when it fits, else scaled down. Rejects when the bytes are not an image the browser reads. */
export async function scaleImage(bytes: Uint8Array, mimeType: string, maxSide: number): Promise<ScaledImage> {
  const bitmap = await createImageBitmap(new Blob([bytes as BlobPart], { type: mimeType }));
  try {
    const { width, height } = bitmap;
    if (Math.max(width, height) <= maxSide) return { bytes, mimeType, width, height };
    const size = fittedSize(width, height, maxSide);
    const { context, encode } = canvasOf(size.width, size.height);
    if (!context) throw new Error('No 2D canvas.');
    context.drawImage(bitmap, 0, 0, size.width, size.height);
    const blob = await encode(mimeType === 'image/gif' ? 'image/png' : mimeType);
    return { bytes: new Uint8Array(await blob.arrayBuffer()), mimeType: blob.type || 'image/png', ...size };
  } finally {
    bitmap.close();
  }
}
