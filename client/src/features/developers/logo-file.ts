import { LOGO_MIME_TYPES, MAX_LOGO_BYTES } from '@keysmith/shared';

export const LOGO_ACCEPT = LOGO_MIME_TYPES.join(',');

/** Checked before anything is read or sent, so a wrong file is refused at once, beside the field. */
export function checkLogoFile(file: { type: string; size: number }): string | null {
  if (!(LOGO_MIME_TYPES as readonly string[]).includes(file.type)) return 'Choose a PNG, JPEG or WebP image.';
  if (file.size > MAX_LOGO_BYTES) return `The logo must be at most ${MAX_LOGO_BYTES / 1024} KB (this one is ${Math.ceil(file.size / 1024)} KB).`;
  if (file.size === 0) return 'This file is empty.';
  return null;
}

/** The API takes the logo as a data: URL, which also serves as the preview. */
export function readAsDataUrl(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('Could not read the file.'));
    reader.readAsDataURL(file);
  });
}
