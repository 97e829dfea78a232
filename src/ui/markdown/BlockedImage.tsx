import { useState } from 'react';
import { hostOf, safeImageUrl } from './links';

/** Remote images never load on their own: the reader decides, per image. */
export function BlockedImage({ src, alt }: { src?: string; alt?: string }) {
  const [loaded, setLoaded] = useState(false);
  const url = src ? safeImageUrl(src) : null;
  if (!url) return <span className="text-slate-500">[image: {alt || 'unsupported source'}]</span>;
  if (loaded) return <img src={url} alt={alt ?? ''} referrerPolicy="no-referrer" className="max-h-80 rounded" />;
  return (
    <button
      type="button"
      onClick={() => setLoaded(true)}
      className="rounded border border-dashed border-slate-400 px-2 py-1 text-xs text-slate-600 dark:text-slate-300"
    >
      Load image{alt ? ` “${alt}”` : ''} from {hostOf(url)}
    </button>
  );
}
