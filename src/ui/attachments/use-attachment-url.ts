import { useEffect, useState } from 'react';
import { attachmentBlob } from '../../store/index.ts';

/** A blob: URL of a stored image while the component shows it (revoked after); null until read or when gone. */
export function useAttachmentUrl(id: string, mimeType: string, wanted: boolean): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!wanted) return;
    let current: string | null = null;
    let live = true;
    void attachmentBlob(id, mimeType)
      .then((blob) => {
        if (!live || !blob) return;
        current = URL.createObjectURL(blob);
        setUrl(current);
      })
      .catch(() => {});
    return () => {
      live = false;
      if (current) URL.revokeObjectURL(current);
    };
  }, [id, mimeType, wanted]);
  return url;
}
