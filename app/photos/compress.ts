/**
 * Photos are made small on the phone before they are stored or sent: the
 * long side at most 1600 px, JPEG at quality 0.8 — a 12-megapixel camera
 * photo of ~4 MB becomes ~300 KB, readable enough to judge a fire door or a
 * label. EXIF orientation is applied while decoding (createImageBitmap's
 * imageOrientation 'from-image'), so a portrait photo stays upright once the
 * EXIF data is gone.
 */
export const MAX_SIDE = 1600;
export const JPEG_QUALITY = 0.8;

export interface Compressed {
  bytes: ArrayBuffer;
  type: 'image/jpeg';
  width: number;
  height: number;
}

export function fitWithin(width: number, height: number, max = MAX_SIDE): { width: number; height: number } {
  const scale = Math.min(1, max / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

export async function compressPhoto(file: Blob): Promise<Compressed> {
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  try {
    const { width, height } = fitWithin(bitmap.width, bitmap.height);
    const canvas = typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(width, height) : Object.assign(document.createElement('canvas'), { width, height });
    const ctx = canvas.getContext('2d') as CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null;
    if (!ctx) throw new Error('no 2D canvas');
    // White behind transparent PNGs: JPEG has no alpha.
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, width, height);
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(bitmap, 0, 0, width, height);
    const blob =
      canvas instanceof HTMLCanvasElement
        ? await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('encoding failed'))), 'image/jpeg', JPEG_QUALITY))
        : await canvas.convertToBlob({ type: 'image/jpeg', quality: JPEG_QUALITY });
    return { bytes: await blob.arrayBuffer(), type: 'image/jpeg', width, height };
  } finally {
    bitmap.close();
  }
}
