import { useEffect, useState } from 'react';
import { hostOf, safeImageUrl } from './links.ts';

type ImageState = { kind: 'blocked' } | { kind: 'loading' } | { kind: 'shown'; objectUrl: string } | { kind: 'failed' };

/**
 * Remote images never load on their own: the reader decides, per image. The click fetches the image without
 * cookies or referrer and shows it from a blob: URL, so the page's Content-Security-Policy can forbid remote
 * images altogether. A host that does not allow cross-origin reads gets a plain link instead.
 */
export function BlockedImage({ src, alt }: { src?: string | undefined; alt?: string | undefined }) {
  const [state, setState] = useState<ImageState>({ kind: 'blocked' });
  const url = src ? safeImageUrl(src) : null;
  useEffect(() => () => (state.kind === 'shown' ? URL.revokeObjectURL(state.objectUrl) : undefined), [state]);

  if (!url) return <span className="text-slate-500">[image: {alt || 'unsupported source'}]</span>;
  if (state.kind === 'shown') return <img src={state.objectUrl} alt={alt ?? ''} className="max-h-80 rounded" />;
  if (state.kind === 'failed') {
    return (
      <a href={url} target="_blank" rel="noopener noreferrer nofollow" className="text-xs underline">
        Image{alt ? ` “${alt}”` : ''} could not be loaded here — open it from {hostOf(url)}
      </a>
    );
  }
  const load = async () => {
    setState({ kind: 'loading' });
    try {
      const response = await fetch(url, { credentials: 'omit', referrerPolicy: 'no-referrer', mode: 'cors' });
      const blob = await response.blob();
      if (!response.ok || !blob.type.startsWith('image/') || blob.type.includes('svg')) throw new Error('not an image');
      setState({ kind: 'shown', objectUrl: URL.createObjectURL(blob) });
    } catch {
      setState({ kind: 'failed' });
    }
  };
  return (
    <button
      type="button"
      disabled={state.kind === 'loading'}
      onClick={() => void load()}
      className="rounded border border-dashed border-slate-400 px-2 py-1 text-xs text-slate-600 dark:text-slate-300"
    >
      Load image{alt ? ` “${alt}”` : ''} from {hostOf(url)}
    </button>
  );
}
